package dev.memplan.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import dev.memplan.budget.PlanQuery;

/** A report's permalink: {@code /} with the inputs as query parameters named as in the API. */
public final class Permalinks {

	private Permalinks() {
	}

	public static String of(PlanQuery query) {
		return of(query, null);
	}

	/** @param lang the page's language tag, kept in the link when it is not English; null for none */
	public static String of(PlanQuery query, String lang) {
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
		if (lang != null && !lang.equals("en")) {
			add(uri, "lang", lang);
		}
		return uri.encode().build().toUriString();
	}

	/** The query part of a permalink ({@code ?server=…}), for links that plan the same thing (exports). */
	public static String queryOf(String permalink) {
		int question = permalink.indexOf('?');
		return (question >= 0) ? permalink.substring(question) : "";
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

}
