package dev.memplan.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan request as text, the way the page, the permalink, the API and the command line all
 * carry it; {@link PlanQueryReader} validates it once for all of them. Null means "not given".
 */
public record PlanQuery(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
		String reservedForOtherProcesses, Map<String, String> variables) {

	public static final String DEFAULT_SERVER = "mysql-8.0";

	public static final PlanQuery EMPTY = new PlanQuery(null, null, null, null, null, null, Map.of());

	public PlanQuery {
		variables = (variables != null) ? new LinkedHashMap<>(variables) : new LinkedHashMap<>();
	}

	public PlanQuery withServer(String server) {
		return new PlanQuery(server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables);
	}

	public PlanQuery withHostRam(String hostRam) {
		return new PlanQuery(this.server, hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables);
	}

	public PlanQuery withExpectedConnections(String expectedConnections) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, this.variables);
	}

	public PlanQuery withMysqlShare(String mysqlShare) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, mysqlShare,
				this.reservedForOtherProcesses, this.variables);
	}

	public PlanQuery withReservedForOtherProcesses(String reserved) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare, reserved,
				this.variables);
	}

	public PlanQuery withVariables(Map<String, String> variables) {
		return new PlanQuery(this.server, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, variables);
	}

	/** The host fields alone: what a live probe plans with before the server has said what it is. */
	public PlanQuery hostOnly() {
		return new PlanQuery(null, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, Map.of());
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
