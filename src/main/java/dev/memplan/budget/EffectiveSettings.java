package dev.memplan.budget;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.VariableSpec;
import dev.memplan.core.Diagnostic;

/**
 * Every memory variable of one server as it will run, plus the named key caches.
 *
 * @param release the version the server reported (live or a dump), null when the plan is for a
 * profile, which stands for the newest release of its series
 * @param lacking the variables the profile has that this server's release predates, by name
 */
public record EffectiveSettings(ServerProfile profile, Map<String, EffectiveVariable> variables,
		Map<String, Long> namedKeyCacheBytes, List<Diagnostic> diagnostics, String release, Map<String, VariableSpec> lacking) {

	public EffectiveSettings {
		variables = Collections.unmodifiableMap(variables);
		lacking = Collections.unmodifiableMap(lacking);
		namedKeyCacheBytes = Collections.unmodifiableMap(namedKeyCacheBytes);
		diagnostics = List.copyOf(diagnostics);
	}

	public Optional<EffectiveVariable> variable(String name) {
		return Optional.ofNullable(this.variables.get(name));
	}

	public boolean has(String name) {
		return this.variables.containsKey(name);
	}

	/** The bytes of a size variable; 0 when this server does not have it. */
	public long bytes(String name) {
		EffectiveVariable variable = this.variables.get(name);
		return (variable != null) ? variable.bytes() : 0;
	}

	public boolean isOn(String name) {
		EffectiveVariable variable = this.variables.get(name);
		return variable != null && variable.isOn();
	}

	public String text(String name) {
		EffectiveVariable variable = this.variables.get(name);
		return (variable != null) ? variable.text() : null;
	}

}
