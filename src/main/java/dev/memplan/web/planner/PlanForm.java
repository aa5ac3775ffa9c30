package dev.memplan.web.planner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import dev.memplan.budget.HostSpec;
import dev.memplan.app.Permalinks;
import dev.memplan.app.PlanQuery;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;

/**
 * The planner form as submitted (GET, so the address is the permalink). The variable inputs come
 * prefilled with a server's defaults; {@code defaultsOf} names that server, so a value still equal
 * to its default counts as "not set" and switching the server switches the defaults too.
 */
final class PlanForm {

	static final String DEFAULTS_OF = "defaultsOf";

	/** What PlanQueryReader reads as a count and a share, and no longer: longer texts stay as given. */
	private static final Pattern COUNT = Pattern.compile("\\+?\\d{1,18}");

	private static final BigDecimal MIN_SHARE = new BigDecimal("0.01");

	private static final Pattern SHARE = Pattern.compile("(\\d{1,3}(\\.\\d{0,6})?|\\.\\d{1,6})");

	private final PlanQuery query;

	private final boolean submitted;

	private PlanForm(PlanQuery query, boolean submitted) {
		this.query = query;
		this.submitted = submitted;
	}

	static PlanForm from(MultiValueMap<String, String> params, ServerCatalog catalog) {
		String server = text(first(params, "server"));
		ServerProfile defaultsOf = catalog.profile(first(params, DEFAULTS_OF)).orElse(null);
		Map<String, String> variables = new TreeMap<>();
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			String name = param.getKey().toLowerCase(Locale.ROOT).replace('-', '_');
			String value = last(param.getValue());
			if (!catalog.isKnownAnywhere(name) || value == null || value.isBlank()) {
				continue;
			}
			if (defaultsOf != null && isDefault(catalog, defaultsOf, name, value)) {
				continue;
			}
			variables.put(name, value.strip());
		}
		boolean submitted = params.containsKey("hostRam");
		String hostRam = text(first(params, "hostRam"));
		PlanQuery query = new PlanQuery(server, (submitted && hostRam == null) ? "" : hostRam, count(first(params, "hostCpus")),
				count(first(params, "expectedConnections")), shareUnlessDefault(share(first(params, "mysqlShare"))),
				text(first(params, "reservedForOtherProcesses")), variables,
				new PlanQuery.Assumptions(count(first(params, "tempTablesPerStatement")), text(first(params, "largestPacket")),
						text(first(params, "allocator"))), yes(first(params, "allowFewerConnections")));
		return new PlanForm(query, submitted);
	}

	/**
	 * The query the page is rendered from, as a query string without the language: the page cache's
	 * key and the language links are made of it, so two addresses that give the same page (0.5 and
	 * 0.50, parameters in another order, an ignored parameter, a value at its default) share one
	 * entry, and two that differ never do. A submitted form without hostRam keeps {@code hostRam=}.
	 */
	String canonicalQuery() {
		String query = Permalinks.queryOf(Permalinks.of(this.query));
		if (this.submitted && this.query.hostRam().isEmpty()) {
			query = query.isEmpty() ? "?hostRam=" : query + "&hostRam=";
		}
		return query;
	}

	/** Stripped; blank is not given. */
	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** A whole number as the reader reads it ({@code +05} is 5), written plainly; anything else as given. */
	private static String count(String value) {
		String text = text(value);
		if (text != null && COUNT.matcher(text).matches()) {
			return Long.toString(Long.parseLong(text));
		}
		return text;
	}

	/**
	 * A share the reader accepts (0.85, 85, 85 %, .5) as its fraction without trailing zeros (0.5 and
	 * 0.50 are one page); anything else as given, for the reader to refuse.
	 */
	private static String share(String value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		String number = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
		if (!SHARE.matcher(number).matches()) {
			return text;
		}
		BigDecimal share = new BigDecimal(number);
		if (text.endsWith("%") || share.compareTo(BigDecimal.ONE) > 0) {
			share = share.movePointLeft(2);
		}
		// only a fraction the reader reads back as the same share (1 %-100 %, at most 6 decimals); the rest as given
		String fraction = share.stripTrailingZeros().toPlainString();
		boolean readBack = share.compareTo(MIN_SHARE) >= 0 && share.compareTo(BigDecimal.ONE) <= 0 && SHARE.matcher(fraction).matches();
		return readBack ? fraction : text;
	}

	/** The checkbox: what the reader counts as yes is "true", anything else is not given. */
	private static String yes(String value) {
		String text = text(value);
		return (text != null && List.of("true", "on", "1", "yes").contains(text.toLowerCase(Locale.ROOT))) ? "true" : null;
	}

	/** The form prefills 0.85; keep it out of the permalink unless the user changed it. */
	private static String shareUnlessDefault(String share) {
		return (share != null && share.equals(HostSpec.DEFAULT_SHARE.stripTrailingZeros().toPlainString())) ? null : share;
	}

	private static boolean isDefault(ServerCatalog catalog, ServerProfile profile, String name, String value) {
		return catalog.variable(profile, name).map((spec) -> spec.defaultValue().equalsIgnoreCase(value.strip())).orElse(false);
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		return params.getFirst(name);
	}

	private static String last(List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

	PlanQuery query() {
		return this.query;
	}

	/** True once the user has asked for a plan (the form or a permalink carries hostRam). */
	boolean isSubmitted() {
		return this.submitted;
	}

}
