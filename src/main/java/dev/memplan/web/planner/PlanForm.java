package dev.memplan.web.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import dev.memplan.budget.HostSpec;
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

	private final PlanQuery query;

	private final boolean submitted;

	private PlanForm(PlanQuery query, boolean submitted) {
		this.query = query;
		this.submitted = submitted;
	}

	static PlanForm from(MultiValueMap<String, String> params, ServerCatalog catalog) {
		String server = first(params, "server");
		ServerProfile defaultsOf = catalog.profile(first(params, DEFAULTS_OF)).orElse(null);
		Map<String, String> variables = new LinkedHashMap<>();
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
		PlanQuery query = new PlanQuery(server, first(params, "hostRam"), first(params, "hostCpus"),
				first(params, "expectedConnections"), shareUnlessDefault(first(params, "mysqlShare")), first(params, "reservedForOtherProcesses"),
				variables, new PlanQuery.Assumptions(first(params, "tempTablesPerStatement"), first(params, "largestPacket"),
						first(params, "allocator")), first(params, "allowFewerConnections"));
		return new PlanForm(query, params.containsKey("hostRam"));
	}

	/** The form prefills 0.85; keep it out of the permalink unless the user changed it. */
	private static String shareUnlessDefault(String share) {
		return (share != null && share.strip().equals(HostSpec.DEFAULT_SHARE.toPlainString())) ? null : share;
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
