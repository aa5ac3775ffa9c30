package dev.memplan.api;

import java.util.Map;

import dev.memplan.app.PlanQuery;

/** The body of {@code POST /api/v1/live}: the connection, and the same plan options as /api/v1/plan. */
public record LiveRequest(String host, String port, String user, String password, String tls, String hostRam, String hostCpus,
		String expectedConnections, String mysqlShare, String reservedForOtherProcesses, Map<String, String> variables,
		String tempTablesPerStatement, String largestPacket, String allocator) {

	PlanQuery.Assumptions assumptions() {
		return new PlanQuery.Assumptions(this.tempTablesPerStatement, this.largestPacket, this.allocator);
	}

	/** Never print the password, whatever logs a request object. */
	@Override
	public String toString() {
		return "LiveRequest[host=" + this.host + ", port=" + this.port + ", user=" + this.user + "]";
	}

}
