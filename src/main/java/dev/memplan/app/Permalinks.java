package dev.memplan.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A report's permalink: {@code /} with the inputs as query parameters named as in the API. */
public final class Permalinks {

	private Permalinks() {
	}

	public static String of(PlanQuery query) {
		return of(query, null);
	}

	/** @param lang the page's language tag, kept in the link when it is not English; null for none */
	public static String of(PlanQuery query, String lang) {
		StringBuilder uri = new StringBuilder("/");
		add(uri, "server", query.server());
		add(uri, "hostRam", query.hostRam());
		add(uri, "hostCpus", query.hostCpus());
		add(uri, "expectedConnections", query.expectedConnections());
		add(uri, "mysqlShare", query.mysqlShare());
		add(uri, "reservedForOtherProcesses", query.reservedForOtherProcesses());
		add(uri, "tempTablesPerStatement", query.assumptions().tempTablesPerStatement());
		add(uri, "largestPacket", query.assumptions().largestPacket());
		add(uri, "allocator", query.assumptions().allocator());
		add(uri, "allowFewerConnections", "true".equalsIgnoreCase(query.allowFewerConnections()) ? "true" : null);
		for (Map.Entry<String, String> variable : query.variables().entrySet()) {
			add(uri, variable.getKey(), variable.getValue());
		}
		if (lang != null && !lang.equals("en")) {
			add(uri, "lang", lang);
		}
		return uri.toString();
	}

	/** The query part of a permalink ({@code ?server=…}), for links that plan the same thing (exports). */
	public static String queryOf(String permalink) {
		int question = permalink.indexOf('?');
		return (question >= 0) ? permalink.substring(question) : "";
	}

	private static void add(StringBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.append((uri.length() == 1) ? '?' : '&').append(encode(name)).append('=').append(encode(value.strip()));
		}
	}

	/**
	 * Percent-encodes everything but RFC 3986's unreserved characters and the sub-delimiters that
	 * are safe in a query value, as Spring's {@code UriComponentsBuilder.encode()} did before:
	 * a space is {@code %20}, never {@code +}.
	 */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
