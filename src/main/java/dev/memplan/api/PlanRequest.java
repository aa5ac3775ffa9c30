package dev.memplan.api;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/plan}. Sizes are strings in the server's syntax ({@code "16G"});
 * numbers are accepted where a number is natural ({@code "expectedConnections": 120}).
 * {@code mycnf}, {@code files} and {@code showVariables} are read first; {@code variables} override them.
 */
public record PlanRequest(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
		String reservedForOtherProcesses, Map<String, String> variables, String mycnf, Map<String, String> files,
		String showVariables, String instance) {
}
