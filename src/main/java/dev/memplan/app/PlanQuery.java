package dev.memplan.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan request as text, the way the page, the permalink, the API and the command line all
 * carry it; {@link PlanQueryReader} validates it once for all of them. Null means "not given".
 */
public record PlanQuery(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
		String reservedForOtherProcesses, Map<String, String> variables, Assumptions assumptions,
		String allowFewerConnections) {

	public static final String DEFAULT_SERVER = "mysql-8.0";

	public static final PlanQuery EMPTY = new PlanQuery(null, null, null, null, null, null, Map.of());

	/**
	 * What the statements do where no variable says it (budget.Workload), as text; null = the measured default.
	 *
	 * @param allocator glibc, jemalloc or tcmalloc (a live server's version_malloc_library when not given)
	 */
	public record Assumptions(String tempTablesPerStatement, String largestPacket, String allocator) {

		public static final Assumptions NONE = new Assumptions(null, null, null);

	}

	public PlanQuery {
		variables = (variables != null) ? new LinkedHashMap<>(variables) : new LinkedHashMap<>();
		assumptions = (assumptions != null) ? assumptions : Assumptions.NONE;
	}

	public PlanQuery(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
			String reservedForOtherProcesses, Map<String, String> variables) {
		this(server, hostRam, hostCpus, expectedConnections, mysqlShare, reservedForOtherProcesses, variables, Assumptions.NONE);
	}

	public PlanQuery(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
			String reservedForOtherProcesses, Map<String, String> variables, Assumptions assumptions) {
		this(server, hostRam, hostCpus, expectedConnections, mysqlShare, reservedForOtherProcesses, variables, assumptions, null);
	}

	/** @param allow "true" lets the recommendation lower max_connections, never below the load */
	public PlanQuery withAllowFewerConnections(String allow) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables, this.assumptions, allow);
	}

	public PlanQuery withAssumptions(Assumptions assumptions) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables, assumptions, this.allowFewerConnections);
	}

	public PlanQuery withServer(String server) {
		return new PlanQuery(server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables, this.assumptions, this.allowFewerConnections);
	}

	public PlanQuery withHostRam(String hostRam) {
		return new PlanQuery(this.server, hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables, this.assumptions, this.allowFewerConnections);
	}

	public PlanQuery withExpectedConnections(String expectedConnections) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables, this.assumptions, this.allowFewerConnections);
	}

	public PlanQuery withMysqlShare(String mysqlShare) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, mysqlShare,
				this.reservedForOtherProcesses, this.variables, this.assumptions, this.allowFewerConnections);
	}

	public PlanQuery withReservedForOtherProcesses(String reserved) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare, reserved,
				this.variables, this.assumptions, this.allowFewerConnections);
	}

	public PlanQuery withVariables(Map<String, String> variables) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, variables, this.assumptions, this.allowFewerConnections);
	}

	/** The host fields alone: what a live probe plans with before the server has said what it is. */
	public PlanQuery hostOnly() {
		return new PlanQuery(null, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, Map.of(), this.assumptions, this.allowFewerConnections);
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
