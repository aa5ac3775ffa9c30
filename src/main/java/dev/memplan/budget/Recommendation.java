package dev.memplan.budget;

/**
 * The recommended buffer pool and what follows from it.
 *
 * @param tier the chosen row of the tier table; null below the smallest tier
 * @param poolRatioPercent the ratio applied to the host's RAM
 * @param granuleBytes the step the server sizes its pool in; the recommendation is rounded down to it
 * @param granuleExplanation where the granule comes from
 * @param dedicatedServerBufferPoolBytes MySQL's innodb_dedicated_server rule, as a second opinion
 * @param rdsDefaultBufferPoolBytes RDS today: {DBInstanceClassMemory*3/4}
 * @param budgetWithRecommendation the budget with the recommended pool and the current per-connection values
 * @param maxConnectionsThatFit the largest max_connections whose worst case stays within the limit
 * @param target the pool aimed for before rounding, and the rule of the tier table that gave it
 */
public record Recommendation(Tier tier, int poolRatioPercent, long bufferPoolBytes, long granuleBytes,
		String granuleExplanation, long dedicatedServerBufferPoolBytes, long rdsDefaultBufferPoolBytes,
		Budget budgetWithRecommendation, long maxConnectionsThatFit, PoolTarget target) {
}
