package dev.memplan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.memplan.budget.Budget;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.Plan;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;

/**
 * A plan as SARIF 2.1.0, for code scanning of configuration repositories: every diagnostic one
 * result ({@code ruleId} its code, level from its severity, the file and line it came from), the
 * verdict one more result on the main file, and each rule described once with its help text.
 * Built as maps and lists so that this package stays free of a JSON library; the command line
 * writes them out.
 */
public final class SarifReport {

	public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	/** The verdict's rule: the worst case against the host. */
	public static final String VERDICT_RULE = "MEMORY_VERDICT";

	private static final String INFORMATION_URI = "https://github.com/memplan/memplan";

	private SarifReport() {
	}

	/**
	 * @param files the option files as the user named them, relative to the repository root; the first is
	 * the main file, and files it includes are named relative to its directory
	 * @param version memplan's version for {@code tool.driver.version}
	 */
	public static Map<String, Object> of(Plan plan, List<String> files, String version) {
		Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
		List<Object> results = new ArrayList<>();
		for (Diagnostic diagnostic : plan.diagnostics()) {
			rules.computeIfAbsent(diagnostic.code().name(), (id) -> rule(diagnostic.code()));
			results.add(result(diagnostic.code().name(), level(diagnostic.severity()), EnglishText.of(diagnostic),
					location(plan, diagnostic, files)));
		}
		rules.put(VERDICT_RULE, verdictRule());
		results.add(result(VERDICT_RULE, verdictLevel(plan.budget()), verdictMessage(plan), verdictLocation(plan, files)));
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "memplan");
		driver.put("version", version);
		driver.put("informationUri", INFORMATION_URI);
		driver.put("rules", new ArrayList<>(rules.values()));
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", results);
		Map<String, Object> sarif = new LinkedHashMap<>();
		sarif.put("$schema", SCHEMA);
		sarif.put("version", "2.1.0");
		sarif.put("runs", List.of(run));
		return sarif;
	}

	/** error stops a server from starting; warning is silently different; advice and info are notes. */
	static String level(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			case ADVICE, INFO -> "note";
		};
	}

	private static String verdictLevel(Budget budget) {
		return switch (budget.verdict()) {
			case OVERCOMMITTED -> "error";
			case TIGHT -> "warning";
			case FITS -> "note";
		};
	}

	private static Map<String, Object> rule(DiagnosticCode code) {
		String help = template(code);
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("id", code.name());
		rule.put("name", camelCase(code.name()));
		rule.put("shortDescription", Map.of("text", sentence(code.name())));
		rule.put("fullDescription", Map.of("text", help));
		rule.put("help", Map.of("text", help + " (memplan diagnostic " + code.name() + ")"));
		rule.put("properties", Map.of("tags", List.of("memory", "mysql", "mariadb")));
		return rule;
	}

	private static Map<String, Object> verdictRule() {
		String help = "The worst case (global buffers + max_connections + 1 times the per-connection buffers) against the"
				+ " host: FITS within the budget limit, TIGHT past the limit but within RAM, OVERCOMMITTED past the host's RAM,"
				+ " where a connection storm can bring the OOM killer.";
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("id", VERDICT_RULE);
		rule.put("name", "MemoryVerdict");
		rule.put("shortDescription", Map.of("text", "Memory budget verdict"));
		rule.put("fullDescription", Map.of("text", help));
		rule.put("help", Map.of("text", help + " Lower max_connections or the per-connection buffers, or give the host more RAM."));
		rule.put("properties", Map.of("tags", List.of("memory", "mysql", "mariadb")));
		return rule;
	}

	private static String verdictMessage(Plan plan) {
		Budget budget = plan.budget();
		return "Memory verdict " + budget.verdict().name() + ": worst case " + ByteSize.formatApproximate(budget.worstCaseBytes())
				+ " (" + budget.connectionSlots() + " connection slots) against a budget limit of "
				+ ByteSize.formatApproximate(budget.budgetLimitBytes()) + " of " + ByteSize.formatApproximate(budget.hostRamBytes()) + " RAM.";
	}

	/** Where a finding points: its own file and line, else the line that set its variable, else the main file. */
	private static Map<String, Object> location(Plan plan, Diagnostic diagnostic, List<String> files) {
		Origin origin = diagnostic.origin();
		if (origin != null && origin.kind() == Origin.Kind.OPTION_FILE) {
			return physical(repositoryPath(origin.source(), files), origin.line());
		}
		if (origin != null && origin.kind() == Origin.Kind.SHOW_VARIABLES) {
			return physical(files.get(0), origin.line());
		}
		if (diagnostic.variable() != null) {
			Map<String, Object> set = setAt(plan, diagnostic.variable(), files);
			if (set != null) {
				return set;
			}
		}
		return physical(files.get(0), 0);
	}

	/** The verdict sits on the line that set max_connections when a file did, else on the main file. */
	private static Map<String, Object> verdictLocation(Plan plan, List<String> files) {
		Map<String, Object> set = setAt(plan, "max_connections", files);
		return (set != null) ? set : physical(files.get(0), 0);
	}

	private static Map<String, Object> setAt(Plan plan, String variable, List<String> files) {
		EffectiveVariable effective = plan.settings().variables().get(variable);
		if (effective != null && effective.origin().kind() == Origin.Kind.OPTION_FILE) {
			return physical(repositoryPath(effective.origin().source(), files), effective.origin().line());
		}
		return null;
	}

	/** A file named on the command line is already a repository path; an included one is relative to the main file's directory. */
	static String repositoryPath(String source, List<String> files) {
		if (files.contains(source) || source.startsWith("/")) {
			return source;
		}
		String main = uri(files.get(0));
		int slash = main.lastIndexOf('/');
		return (slash >= 0) ? main.substring(0, slash + 1) + source : source;
	}

	/** Code scanning places a result on a line; without one, the file's first line. */
	private static Map<String, Object> physical(String file, int line) {
		Map<String, Object> physical = new LinkedHashMap<>();
		physical.put("artifactLocation", Map.of("uri", uri(file)));
		physical.put("region", Map.of("startLine", Math.max(1, line)));
		return Map.of("physicalLocation", physical);
	}

	private static Map<String, Object> result(String ruleId, String level, String message, Map<String, Object> location) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ruleId", ruleId);
		result.put("level", level);
		result.put("message", Map.of("text", message));
		result.put("locations", List.of(location));
		return result;
	}

	/** A repository-relative URI (forward slashes, no leading ./); an absolute path becomes a file: URI. */
	static String uri(String file) {
		String uri = file.replace('\\', '/');
		while (uri.startsWith("./")) {
			uri = uri.substring(2);
		}
		uri = uri.replace("%", "%25").replace(" ", "%20");
		return uri.startsWith("/") ? "file://" + uri : uri;
	}

	/** The code's English message with its values left as "…": what the rule says in general. */
	static String template(DiagnosticCode code) {
		List<String> blanks = List.of("…", "…", "…", "…", "…");
		for (String key : List.of(code.messageKey(), code.messageKey() + ".ERROR", code.messageKey() + ".WARNING")) {
			String text = EnglishText.of(key, blanks);
			if (!text.equals(key)) {
				return text;
			}
		}
		// worded per finding (VALUE_ADJUSTED says what each variable's note says)
		return sentence(code.name()) + ": each result's message says what memplan found and where.";
	}

	private static String camelCase(String code) {
		StringBuilder name = new StringBuilder();
		for (String word : code.toLowerCase(Locale.ROOT).split("_")) {
			name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return name.toString();
	}

	private static String sentence(String code) {
		String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
