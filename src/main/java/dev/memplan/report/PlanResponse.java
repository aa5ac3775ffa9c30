package dev.memplan.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.Recommendation;
import dev.memplan.budget.Tier;

/** The JSON answer of the plan API; built by {@link PlanResponseMapper}, the domain carries no JSON concerns. */
public record PlanResponse(String server, String serverName, long hostRamBytes, Totals totals, String verdict,
		List<LineItem> lineItems, Map<String, Variable> variables, Recommendation recommendation, List<Lever> levers,
		Solution solution, List<Warning> warnings, List<String> instances, String permalink, String instance,
		List<InstancePlan> instancePlans, FilesRead filesRead) {

	/**
	 * Which option files were read and what became of their lines (null without files): each file with
	 * the directive it satisfied, the first 200 option lines with their status, the rest counted.
	 */
	public record FilesRead(List<FileRead> files, int moreFiles, List<OptionRead> options, int moreOptions) {
	}

	/** {@code reason}: GIVEN, INCLUDE, INCLUDEDIR, INCLUDEDIR_WITHOUT_FOLDER or NOT_READ. */
	public record FileRead(String name, String reason, String directive, String directiveOrigin, long timesRead, List<String> groups) {
	}

	/** {@code status}: USED, OVERRIDDEN (by {@code overriddenBy}), OTHER_PROGRAM, OTHER_INSTANCE, LOOSE_UNKNOWN or REFUSED. */
	public record OptionRead(String origin, String group, String name, String status, String overriddenBy) {
	}

	/**
	 * One mysqld_multi instance planned on its own, when the files define instances and none was
	 * chosen ({@code instance} then names the worst, whose plan the rest of the answer is).
	 */
	public record InstancePlan(String instance, String verdict, long worstCaseBytes, long overByBytes, long headroomBytes,
			String permalink) {
	}

	/**
	 * {@code worstCaseBytes} is the ceiling (every connection at its worst); {@code expectedPeakBytes} is
	 * docs/memory-model.md#totals's nominal figure; {@code expectedPeak} the offline range around it; {@code capped}
	 * the ceiling with the server's memory caps in force (null when none is set).
	 */
	public record Totals(long globalBytes, long perConnectionBytes, long connectionSlots, long worstCaseBytes,
			Long expectedConnections, Long expectedPeakBytes, long budgetLimitBytes, long overByBytes, long headroomBytes,
			ExpectedPeak expectedPeak, Capped capped, RecommendedCaps recommendedCaps) {
	}

	/** One change of the chosen option: {@code from} and {@code to} in bytes (a count for max_connections). */
	public record Lever(String variable, long from, long to, long savesBytes, String kind) {
	}

	/**
	 * The solver's answer: the connections the server must serve, the chosen option (the one the
	 * snippet and SET PERSIST carry) and the alternatives, each planned again.
	 */
	public record Solution(long mustServeConnections, boolean allowFewerConnections, Long threadsConnected, Option chosen,
			List<Option> alternatives) {
	}

	/** One option planned again: its worst case and verdict next to the first plan's. */
	public record Option(String option, boolean fits, long maxConnections, long bufferPoolBytes, long worstCaseBytes,
			long budgetLimitBytes, String verdict, long overByBytes, long headroomBytes, Long smallestFittingRamBytes,
			List<Lever> levers, Map<String, Long> values) {
	}

	/**
	 * The server's caps memplan recommends, and the ceiling with them in force (within the limit). Null on MySQL 5.x
	 * and on an 8.0 before 8.0.28, and when no caps that let ordinary work through fit the limit (a CAPS_CANNOT_FIT
	 * warning says so). {@code ordinaryStatementBytes}: what the session cap lets each connection run;
	 * {@code idleConnectionBytes}: what a connection keeps between statements; {@code ordinaryAtOnce} (MySQL): how
	 * many of the {@code mustServeConnections} the global cap lets run an ordinary statement at the same time.
	 * {@code fromRelease}: the release they need when the server's own is not known (the mysql-8.0 profile: 8.0.28),
	 * else null.
	 */
	public record RecommendedCaps(long sessionCapBytes, Long globalCapBytes, long cappedWorstCaseBytes, long ordinaryStatementBytes,
			long idleConnectionBytes, long mustServeConnections, Long ordinaryAtOnce, Map<String, String> settings, String tradeOff,
			String fromRelease) {
	}

	/** Offline, a range: from every connection idle to every connection at its worst. */
	public record ExpectedPeak(long connections, long lowBytes, long nominalBytes, long highBytes, String basis) {
	}

	public record Capped(List<String> variables, long capBytes, long untrackedPerConnectionBytes, long perConnectionBytes,
			long worstCaseBytes) {
	}

	public record LineItem(String id, String term, String scope, long bytes, List<String> variables, String explanation,
			boolean estimate) {
	}

	/** {@code bytes} is the numeric value (bytes, or a count); null for ON/OFF and word values. */
	public record Variable(String value, BigInteger bytes, String origin, List<String> notes) {
	}

	public record Tier(String instanceClass, long memoryBytes, BigDecimal ratio) {
	}

	/**
	 * @param poolRule which rule gave the pool: TIER_RATIO, CARRIED_OVER, BELOW_SMALLEST_ROW or RAM_LESS_RESERVE
	 * @param reserveBytes under RAM_LESS_RESERVE, RAM less the pool aimed for; null under the other rules
	 */
	public record Recommendation(Tier tier, BigDecimal poolRatio, long bufferPoolBytes, long granuleBytes,
			String granule, long dedicatedServerBufferPoolBytes, long rdsDefaultBufferPoolBytes,
			long worstCaseBytesWithRecommendedPool, long maxConnectionsThatFit, String poolRule, Long reserveBytes, String mycnf) {
	}

	/**
	 * @param origin where it was found; a finding repeated on several lines names them: {@code my.cnf:3, my.cnf:7 (2 ×)}
	 * @param occurrences how many times the same finding was found (1 for most)
	 */
	public record Warning(String code, String severity, String message, String variable, String origin, int occurrences) {
	}

}
