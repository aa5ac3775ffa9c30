package dev.memplan.oom;

import java.util.Arrays;
import java.util.List;
import dev.memplan.budget.Recommendation;

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

	/** @param args the values in the message, for pages in other languages ({@code finding.<code>}) */
	public record Finding(String code, Level level, String message, List<String> args) {

		public Finding(String code, Level level, String message, Object... values) {
			this(code, level, message, Arrays.stream(values).map(String::valueOf).toList());
		}

	}

	/**
	 * @param id names the messages of other languages ({@code rec.<id>.title|why|tradeOff})
	 * @param text copy-ready (a drop-in, sysctl lines, a systemctl command)
	 */
	public record Recommendation(String id, String title, String text, String reason, String tradeOff, List<String> args) {
	}

}
