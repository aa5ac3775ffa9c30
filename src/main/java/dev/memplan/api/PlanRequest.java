package dev.memplan.api;

import java.util.Map;

import dev.memplan.app.PlanQuery;

/**
 * The body of {@code POST /api/v1/plan}. Sizes are strings in the server's syntax ({@code "16G"});
 * numbers are accepted where a number is natural ({@code "expectedConnections": 120}).
 * {@code mycnf}, {@code files} and {@code showVariables} are read first; {@code variables} override them.
 * {@code tempTablesPerStatement}, {@code largestPacket} and {@code allocator} replace the measured defaults.
 */
public record PlanRequest(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
		String reservedForOtherProcesses, Map<String, String> variables, String mycnf, Map<String, String> files,
		String showVariables, String instance, String tempTablesPerStatement, String largestPacket, String allocator,
		String allowFewerConnections) {

	PlanQuery.Assumptions assumptions() {
		return new PlanQuery.Assumptions(this.tempTablesPerStatement, this.largestPacket, this.allocator);
	}

}
