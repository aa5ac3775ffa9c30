package dev.memplan.budget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan request as text, the way the page, the permalink, the API and the command line all
 * carry it; {@link PlanQueryReader} validates it once for all of them. Null means "not given".
 */
public record PlanQuery(String server, String hostRam, String hostCpus, String expectedConnections, String mysqlShare,
		String reservedForOtherProcesses, Map<String, String> variables) {

	public static final String DEFAULT_SERVER = "mysql-8.0";

	public PlanQuery {
		variables = (variables != null) ? new LinkedHashMap<>(variables) : new LinkedHashMap<>();
	}

}
