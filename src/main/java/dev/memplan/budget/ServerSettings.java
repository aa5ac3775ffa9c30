package dev.memplan.budget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;

/**
 * What the input says about a server: variable values with their origins, named MyISAM key
 * caches, and what reading the input found. Later values win, as in the server.
 */
public final class ServerSettings {

	private final Map<String, SettingValue> values = new LinkedHashMap<>();

	private final Map<String, SettingValue> namedKeyCaches = new LinkedHashMap<>();

	private final List<Diagnostic> diagnostics = new ArrayList<>();

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
		this.diagnostics.add(diagnostic);
		return this;
	}

	/** Takes every value of {@code other} over this one's, the way a later file overrides an earlier one. */
	public ServerSettings overrideWith(ServerSettings other) {
		other.values.forEach((name, value) -> set(name, value.text(), value.origin()));
		this.namedKeyCaches.putAll(other.namedKeyCaches);
		this.diagnostics.addAll(other.diagnostics);
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
		return Collections.unmodifiableList(this.diagnostics);
	}

}
