package dev.memplan.livereading;

import java.util.List;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.ServerVersions;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/**
 * A snapshot as planner input: the profile its VERSION() names, every memory variable with origin
 * {@code live}, the observed connections, and the status-based advice.
 */
public record LiveReading(ServerProfile profile, ServerSettings settings, Long maxUsedConnections, Long threadsConnected,
		LiveSnapshot snapshot) {

	public static LiveReading of(LiveSnapshot snapshot, ServerCatalog catalog) {
		ServerVersions.Detected detected = ServerVersions.detect(catalog, snapshot.version(), snapshot.versionComment());
		ServerProfile profile = (detected != null) ? detected.profile() : catalog.require("mysql-8.0");
		// SHOW GLOBAL VARIABLES lists every variable: one the profile has and the server did not list is one it lacks
		ServerSettings settings = ServerSettings.empty().release(snapshot.version()).complete();
		if (detected == null || detected.note() != null) {
			settings.addDiagnostic(Diagnostic.about("version", Origin.live(),
					(detected != null) ? DiagnosticCode.VERSION_APPROXIMATED : DiagnosticCode.VERSION_UNKNOWN, Severity.INFO,
					snapshot.version(), profile.displayName()));
		}
		snapshot.variables().forEach((name, value) -> {
			if (catalog.variable(profile, name).isPresent() && value != null) {
				settings.set(name, value, Origin.live());
			}
		});
		String maxConnections = snapshot.variables().getOrDefault("max_connections", "0");
		List<Diagnostic> advice = LiveAdvice.advise(snapshot, parse(maxConnections));
		advice.forEach(settings::addDiagnostic);
		return new LiveReading(profile, settings, snapshot.statusNumber("max_used_connections"),
				snapshot.statusNumber("threads_connected"), snapshot);
	}

	private static long parse(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
