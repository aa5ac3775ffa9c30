package dev.memplan.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import dev.memplan.budget.PlanQuery;

/** A report's permalink: {@code /} with the inputs as query parameters named as in the API. */
public final class Permalinks {

	private Permalinks() {
	}

	public static String of(PlanQuery query) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
		add(uri, "server", query.server());
		add(uri, "hostRam", query.hostRam());
		add(uri, "hostCpus", query.hostCpus());
		add(uri, "expectedConnections", query.expectedConnections());
		add(uri, "mysqlShare", query.mysqlShare());
		add(uri, "reservedForOtherProcesses", query.reservedForOtherProcesses());
		for (Map.Entry<String, String> variable : query.variables().entrySet()) {
			add(uri, variable.getKey(), variable.getValue());
		}
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

}
