package dev.memplan.optionfile;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.text.similarity.LevenshteinDistance;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerOptionNames;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.VariableSpec;
import dev.memplan.catalog.VariableType;
import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/**
 * Gives the options of the groups a server reads their meaning for that server: prefixes
 * ({@code loose- skip- disable- enable- maximum-}), {@code -}/{@code _}, case, MariaDB's
 * abbreviations, last-wins, sizes; and says, line by line, where the server would refuse to
 * start or silently change a value.
 */
final class OptionInterpreter {

	private static final LevenshteinDistance NEAR_MISS = new LevenshteinDistance(2);

	private final ServerCatalog catalog;

	private final ServerProfile profile;

	private final ServerSettings settings = ServerSettings.empty();

	private final Map<String, Origin> lastSeen = new HashMap<>();

	/** Every option the server accepts, where memplan has the list (MariaDB, MySQL 5.7 and 8.0). */
	private final Optional<ServerOptionNames> optionNames;

	OptionInterpreter(ServerCatalog catalog, ServerProfile profile) {
		this.catalog = catalog;
		this.profile = profile;
		this.optionNames = ServerOptionNames.of(profile);
	}

	/** The groups mysqld reads on this server, plus the chosen mysqld_multi or suffix instance. */
	static Set<String> groupsRead(ServerProfile profile, String instance) {
		Set<String> groups = new LinkedHashSet<>(List.of("mysqld", "server", "mysqld-" + profile.series()));
		if (profile.isMariaDb()) {
			groups.addAll(List.of("mariadb", "mariadb-" + profile.series(), "mariadbd", "mariadbd-" + profile.series(),
					"client-server", "galera"));
		}
		if (instance != null && !instance.isBlank()) {
			groups.add(instance.strip().toLowerCase(Locale.ROOT));
		}
		return groups;
	}

	/** The resolved name, or the reason it was skipped, of the first {@link FilesRead#MAX_OPTIONS} options: the panel's rows. */
	private final Map<RawOption, Object> outcomes = new IdentityHashMap<>();

	/** The line that last set each option, by its resolved name: one entry per name, however many lines. */
	private final Map<String, RawOption> lastByName = new HashMap<>();

	/** What became of {@code option}, if it was among the first interpreted; null otherwise. */
	FilesRead.Status status(RawOption option) {
		Object outcome = this.outcomes.get(option);
		if (outcome instanceof FilesRead.Status status) {
			return status;
		}
		if (outcome instanceof String name) {
			return (this.lastByName.get(name) == option) ? FilesRead.Status.USED : FilesRead.Status.OVERRIDDEN;
		}
		return null;
	}

	/** For an overridden option, the line whose value wins. */
	Origin overriddenBy(RawOption option) {
		Object outcome = this.outcomes.get(option);
		RawOption last = (outcome instanceof String name) ? this.lastByName.get(name) : null;
		return (last != null && last != option) ? last.origin() : null;
	}

	/** The option being resolved, and the worst finding about it so far. */
	private RawOption current;

	private Severity currentWorst;

	private void outcome(RawOption option, Object outcome) {
		if (this.outcomes.size() < FilesRead.MAX_OPTIONS) {
			this.outcomes.put(option, outcome);
		}
	}

	ServerSettings interpret(List<RawOption> options) {
		for (RawOption option : options) {
			interpret(option);
		}
		return this.settings;
	}

	private void interpret(RawOption option) {
		String written = option.name();
		int dot = written.indexOf('.');
		if (dot > 0) {
			namedKeyCache(option, written.substring(0, dot), written.substring(dot + 1));
			return;
		}
		String name = written.replace('-', '_');
		if (this.profile.isMariaDb()) {
			name = name.toLowerCase(Locale.ROOT);
		}
		boolean loose = false;
		if (name.startsWith("loose_")) {
			loose = true;
			name = name.substring(6);
		}
		if (name.startsWith("maximum_")) {
			String target = name.substring(8);
			note(option, target, DiagnosticCode.MAXIMUM_PREFIX, Severity.INFO, written, target);
			return;
		}
		Boolean flag = null;
		if (!isKnown(name)) {
			for (String prefix : List.of("skip_", "disable_", "enable_")) {
				if (name.startsWith(prefix) && isKnown(name.substring(prefix.length()))) {
					flag = prefix.equals("enable_");
					name = name.substring(prefix.length());
					break;
				}
			}
		}
		this.current = option;
		this.currentWorst = null;
		Optional<String> resolved = resolve(option, name, loose);
		if (resolved.isEmpty()) {
			// skipped: refused when the server would not start, loose- when it warns; silent skips read as used
			if (this.currentWorst == Severity.ERROR) {
				outcome(option, FilesRead.Status.REFUSED);
			}
			else if (loose && this.currentWorst == Severity.WARNING) {
				outcome(option, FilesRead.Status.LOOSE_UNKNOWN);
			}
			return;
		}
		name = resolved.get();
		this.lastByName.put(name, option);
		outcome(option, name);
		Optional<VariableSpec> spec = this.catalog.variable(this.profile, name);
		if (spec.isPresent()) {
			memoryVariable(option, spec.get(), flag);
		}
	}

	private boolean isKnown(String name) {
		return this.catalog.variable(this.profile, name).isPresent()
				|| this.optionNames.map((names) -> names.contains(name)).orElse(false);
	}

	/** The full option name, or empty when the option is unknown (after saying so). */
	private Optional<String> resolve(RawOption option, String name, boolean loose) {
		if (isKnown(name)) {
			return Optional.of(name);
		}
		if (this.catalog.isKnownAnywhere(name)) {
			note(option, name, DiagnosticCode.REMOVED_OPTION, loose ? Severity.WARNING : Severity.ERROR, name, this.profile.displayName());
			return Optional.empty();
		}
		if (this.profile.isMariaDb()) {
			List<String> candidates = ServerOptionNames.mariaDb().startingWith(name);
			if (candidates.size() == 1) {
				note(option, candidates.get(0), DiagnosticCode.ABBREVIATED_OPTION, Severity.WARNING, option.name(), candidates.get(0));
				return Optional.of(candidates.get(0));
			}
			if (candidates.size() > 1) {
				note(option, name, DiagnosticCode.AMBIGUOUS_OPTION, loose ? Severity.WARNING : Severity.ERROR, option.name(), String.join(", ", candidates.subList(0, Math.min(4, candidates.size()))));
				return Optional.empty();
			}
			note(option, name, DiagnosticCode.UNKNOWN_OPTION, loose ? Severity.WARNING : Severity.ERROR, option.name());
			likelyTypo(option, name, Severity.INFO);
			return Optional.empty();
		}
		Optional<String> caseVariant = this.catalog.variables(this.profile).keySet().stream()
			.filter((known) -> known.equalsIgnoreCase(name)).findFirst();
		if (caseVariant.isPresent()) {
			note(option, caseVariant.get(), DiagnosticCode.OPTION_NAME_CASE, loose ? Severity.WARNING : Severity.ERROR, option.name(),
					caseVariant.get());
			return Optional.empty();
		}
		if (!this.profile.isAtLeast(5, 7)) {
			return mySql56Prefix(option, name, loose);
		}
		// MySQL 5.7+ removed prefix matching (WL#6978): 5.7.22 and 8.0.31 refuse key_buffer = 256M ("unknown variable")
		List<String> extensions = this.optionNames.map((names) -> names.startingWith(name))
			.orElseGet(() -> this.catalog.variables(this.profile).keySet().stream().filter((known) -> known.startsWith(name)).sorted().toList());
		if (!extensions.isEmpty()) {
			note(option, name, DiagnosticCode.PREFIX_NOT_ACCEPTED, loose ? Severity.WARNING : Severity.ERROR, option.name(),
					this.profile.displayName(), extensions.get(0));
			return Optional.empty();
		}
		if (this.optionNames.isPresent()) {
			note(option, name, DiagnosticCode.UNKNOWN_OPTION, loose ? Severity.WARNING : Severity.ERROR, option.name());
			likelyTypo(option, name, Severity.INFO);
			return Optional.empty();
		}
		// no full option list for this server (8.4): an unknown name is only reported when it is a near miss
		likelyTypo(option, name, loose ? Severity.INFO : Severity.WARNING);
		return Optional.empty();
	}

	/**
	 * MySQL 5.6 still reads a unique prefix as the option it abbreviates (key_buffer = key_buffer_size).
	 * memplan has no 5.6 option list: 5.7's, the nearest real one, decides what is unique.
	 */
	private Optional<String> mySql56Prefix(RawOption option, String name, boolean loose) {
		ServerOptionNames nearest = ServerOptionNames.nearestMySql56();
		if (nearest.contains(name) || List.of("skip_", "disable_", "enable_").stream()
			.anyMatch((prefix) -> name.startsWith(prefix) && nearest.contains(name.substring(prefix.length())))) {
			return Optional.empty(); // an option of 5.7 as well, written in full
		}
		Set<String> candidates = new TreeSet<>(nearest.startingWith(name));
		this.catalog.variables(this.profile).keySet().stream().filter((known) -> known.startsWith(name)).forEach(candidates::add);
		List<String> list = List.copyOf(candidates);
		if (list.size() == 1) {
			note(option, list.get(0), DiagnosticCode.ABBREVIATED_OPTION_MYSQL56, Severity.INFO, option.name(), list.get(0));
			return Optional.of(list.get(0));
		}
		if (list.size() > 1) {
			note(option, name, DiagnosticCode.AMBIGUOUS_OPTION, loose ? Severity.WARNING : Severity.ERROR, option.name(),
					String.join(", ", list.subList(0, Math.min(4, list.size()))));
			return Optional.empty();
		}
		likelyTypo(option, name, loose ? Severity.INFO : Severity.WARNING);
		return Optional.empty();
	}

	/**
	 * A memory variable one or two edits away from an unknown name is almost surely what was meant:
	 * no option of MySQL or MariaDB is that close to one (checked against both servers' option lists),
	 * and the plan would otherwise silently use the default of the variable the DBA meant to set.
	 */
	private void likelyTypo(RawOption option, String name, Severity severity) {
		if (name.length() < 8) {
			return;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		String nearest = null;
		int nearestDistance = Integer.MAX_VALUE;
		for (String known : this.catalog.variables(this.profile).keySet()) {
			int distance = NEAR_MISS.apply(lower, known);
			if (distance >= 0 && distance < nearestDistance) {
				nearest = known;
				nearestDistance = distance;
			}
		}
		if (nearest != null) {
			note(option, nearest, DiagnosticCode.LIKELY_TYPO, severity, option.name(), this.profile.displayName(), nearest);
		}
	}

	private void memoryVariable(RawOption option, VariableSpec spec, Boolean flag) {
		String name = spec.name();
		String value = option.value();
		if (name.equals("log_bin")) {
			logBin(option, flag);
			return;
		}
		if (spec.type() == VariableType.BOOLEAN) {
			set(option, name, (flag != null) ? (flag ? "ON" : "OFF") : (value == null ? "ON" : value));
			return;
		}
		if (flag != null || value == null) {
			note(option, name, DiagnosticCode.VALUE_REQUIRED, Severity.ERROR, option.name(), name, spec.defaultValue());
			return;
		}
		if (spec.isNumeric()) {
			try {
				ByteSize.parse(value);
			}
			catch (ByteSizeFormatException ex) {
				note(option, name, DiagnosticCode.INVALID_SIZE, Severity.ERROR, name, value);
				return;
			}
			if (this.profile.isMySql() && !this.profile.isAtLeast(8, 0) && value.strip().matches("\\d+[tTpPeE].*")) {
				note(option, name, DiagnosticCode.INVALID_SIZE, Severity.ERROR, name, value);
				return;
			}
		}
		set(option, name, value);
	}

	/** Any log_bin turns logging on (the value is a base name); only skip-/disable- turn it off. */
	private void logBin(RawOption option, Boolean flag) {
		if (flag != null && !flag) {
			set(option, "log_bin", "OFF");
			return;
		}
		String value = option.value();
		if (value != null && (value.equals("0") || value.equalsIgnoreCase("OFF"))) {
			note(option, "log_bin", DiagnosticCode.LOG_BIN_BASENAME, Severity.WARNING, value);
		}
		set(option, "log_bin", "ON");
	}

	private void namedKeyCache(RawOption option, String cache, String variable) {
		String name = variable.replace('-', '_').toLowerCase(Locale.ROOT);
		if (name.equals("key_buffer_size") && option.value() != null) {
			try {
				ByteSize.parse(option.value());
				this.settings.setNamedKeyCache(cache, option.value(), option.origin());
			}
			catch (ByteSizeFormatException ex) {
				note(option, option.name(), DiagnosticCode.INVALID_SIZE, Severity.ERROR, option.name(), option.value());
			}
		}
	}

	private void set(RawOption option, String name, String value) {
		Origin previous = this.lastSeen.put(name, option.origin());
		if (previous != null) {
			note(option, name, DiagnosticCode.DUPLICATE_OVERRIDDEN, Severity.INFO, name, previous);
		}
		this.settings.set(name, value, option.origin());
	}

	private void note(RawOption option, String variable, DiagnosticCode code, Severity severity, Object... args) {
		if (option == this.current && (this.currentWorst == null || severity == Severity.ERROR
				|| severity == Severity.WARNING && this.currentWorst != Severity.ERROR)) {
			this.currentWorst = severity;
		}
		this.settings.addDiagnostic(Diagnostic.about(variable, option.origin(), code, severity, args));
	}

}
