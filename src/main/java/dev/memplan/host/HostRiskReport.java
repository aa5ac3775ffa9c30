package dev.memplan.host;

import java.util.List;

/**
 * The host side of a plan: findings with their reasons, the OOM ranking now, with mysqld at its
 * worst case, and with the proposed oom_score_adj, and copy-ready recommendations.
 */
public record HostRiskReport(String databaseProcess, Long databaseResidentBytes, Long worstCaseBytes, List<Finding> findings,
		OomRanking rankingNow, OomRanking rankingAtWorstCase, OomRanking rankingWithProposal, int proposedOomScoreAdj,
		List<Recommendation> recommendations) {

	public enum Level {
		RISK, ADVICE, OK
	}

	public record Finding(String code, Level level, String message) {
	}

	/** @param text copy-ready (a drop-in, sysctl lines, a systemctl command) */
	public record Recommendation(String title, String text, String reason, String tradeOff) {
	}

}
