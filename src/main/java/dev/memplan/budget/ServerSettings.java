package dev.memplan.budget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;

/**
 * What the input says about a server: variable values with their origins, named MyISAM key
 * caches, and what reading the input found. Later values win, as in the server. Findings are kept
 * up to {@link #MAX_DIAGNOSTICS} (a hostile input can make one per line); the rest are counted.
 */
public final class ServerSettings {

	private final Map<String, SettingValue> values = new LinkedHashMap<>();

	private final Map<String, SettingValue> namedKeyCaches = new LinkedHashMap<>();

	static final int MAX_DIAGNOSTICS = 500;

	private final List<Diagnostic> diagnostics = new ArrayList<>();

	private int unlisted;

	/** The version the server reported (a live server, a dump's version line); null when no server said it. */
	private String release;

	/** True when the values are every variable the server has (a live SHOW GLOBAL VARIABLES), not a selection. */
	private boolean complete;

	public static ServerSettings empty() {
		return new ServerSettings();
	}

	public ServerSettings set(String name, String text, Origin origin) {
		this.values.remove(name);
		this.values.put(name, new SettingValue(text, origin));
		return this;
	}

	/** {@code name.key_buffer_size = 64M}: a named MyISAM key cache, allocated on top of the default one. */
	public ServerSettings setNamedKeyCache(String cacheName, String text, Origin origin) {
		this.namedKeyCaches.put(cacheName, new SettingValue(text, origin));
		return this;
	}

	public ServerSettings addDiagnostic(Diagnostic diagnostic) {
		if (this.diagnostics.size() < MAX_DIAGNOSTICS) {
			this.diagnostics.add(diagnostic);
		}
		else {
			this.unlisted++;
		}
		return this;
	}

	/**
	 * The server's own version: a variable its release predates ({@link dev.memplan.catalog.VariableSpec#fromRelease})
	 * is planned without, instead of with the profile's default.
	 */
	public ServerSettings release(String version) {
		this.release = version;
		return this;
	}

	public String release() {
		return this.release;
	}

	/**
	 * Says that the values list every variable the server has: then a variable the profile has only
	 * from some release on and the server did not list is one this server lacks, whatever its version.
	 */
	public ServerSettings complete() {
		this.complete = true;
		return this;
	}

	public boolean isComplete() {
		return this.complete;
	}

	/** Takes every value of {@code other} over this one's, the way a later file overrides an earlier one. */
	public ServerSettings overrideWith(ServerSettings other) {
		other.values.forEach((name, value) -> set(name, value.text(), value.origin()));
		this.namedKeyCaches.putAll(other.namedKeyCaches);
		other.diagnostics.forEach(this::addDiagnostic);
		this.unlisted += other.unlisted;
		if (other.release != null) {
			this.release = other.release;
		}
		this.complete |= other.complete;
		return this;
	}

	public SettingValue get(String name) {
		return this.values.get(name);
	}

	public Map<String, SettingValue> values() {
		return Collections.unmodifiableMap(this.values);
	}

	public Map<String, SettingValue> namedKeyCaches() {
		return Collections.unmodifiableMap(this.namedKeyCaches);
	}

	public List<Diagnostic> diagnostics() {
		if (this.unlisted == 0) {
			return Collections.unmodifiableList(this.diagnostics);
		}
		List<Diagnostic> listed = new ArrayList<>(this.diagnostics);
		listed.add(Diagnostic.of(DiagnosticCode.MORE_FINDINGS, Severity.INFO, this.unlisted));
		return Collections.unmodifiableList(listed);
	}

}
