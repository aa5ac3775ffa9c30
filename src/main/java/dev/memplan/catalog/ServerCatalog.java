package dev.memplan.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.memplan.core.ByteSize;

/**
 * The servers memplan knows and the memory variables each of them has, read from
 * {@code catalog/servers.tsv} and {@code catalog/variables.tsv} so that the numbers live in one
 * data file, not in code.
 */
public final class ServerCatalog {

	private static final ServerCatalog STANDARD = load();

	private final Map<String, ServerProfile> profiles;

	private final Map<String, Map<String, VariableSpec>> variablesByProfile;

	private ServerCatalog(Map<String, ServerProfile> profiles, Map<String, Map<String, VariableSpec>> variablesByProfile) {
		this.profiles = profiles;
		this.variablesByProfile = variablesByProfile;
	}

	public static ServerCatalog standard() {
		return STANDARD;
	}

	public List<ServerProfile> profiles() {
		return List.copyOf(this.profiles.values());
	}

	public Optional<ServerProfile> profile(String id) {
		return Optional.ofNullable(id == null ? null : this.profiles.get(id.strip().toLowerCase(Locale.ROOT)));
	}

	public ServerProfile require(String id) {
		return profile(id).orElseThrow(() -> new IllegalArgumentException("Unknown server '" + id + "'"));
	}

	/** The variable on this server, empty when this server does not have it. */
	public Optional<VariableSpec> variable(ServerProfile profile, String name) {
		return Optional.ofNullable(this.variablesByProfile.get(profile.id()).get(name));
	}

	/** Every memory variable this server has, in catalog order. */
	public Map<String, VariableSpec> variables(ServerProfile profile) {
		return this.variablesByProfile.get(profile.id());
	}

	/** True when some known server has the variable: it is a memory variable memplan plans with. */
	public boolean isKnownAnywhere(String name) {
		return this.variablesByProfile.values().stream().anyMatch((variables) -> variables.containsKey(name));
	}

	private static ServerCatalog load() {
		Map<String, ServerProfile> profiles = new LinkedHashMap<>();
		for (String[] row : DataFiles.rows("catalog/servers.tsv")) {
			ServerProfile profile = new ServerProfile(row[0], ServerFamily.valueOf(row[1]), Integer.parseInt(row[2]),
					Integer.parseInt(row[3]), row[4]);
			profiles.put(profile.id(), profile);
		}
		Map<String, Map<String, VariableSpec>> variables = new LinkedHashMap<>();
		profiles.keySet().forEach((id) -> variables.put(id, new LinkedHashMap<>()));
		for (String[] row : DataFiles.rows("catalog/variables.tsv")) {
			for (ServerProfile profile : profiles.values()) {
				String from = matches(row[2], profile);
				if (from != null) {
					apply(variables.get(profile.id()), row, from.isEmpty() ? null : from);
				}
			}
		}
		variables.replaceAll((id, specs) -> Collections.unmodifiableMap(specs));
		return new ServerCatalog(Collections.unmodifiableMap(profiles), Collections.unmodifiableMap(variables));
	}

	private static void apply(Map<String, VariableSpec> specs, String[] row, String fromRelease) {
		String name = row[0];
		if ("-".equals(row[3])) {
			specs.remove(name);
			return;
		}
		String typeText = row[1];
		List<String> allowed = List.of();
		VariableType type;
		if (typeText.startsWith("enum:")) {
			type = VariableType.ENUM;
			allowed = List.of(typeText.substring(5).split("\\|"));
		}
		else {
			type = switch (typeText) {
				case "size" -> VariableType.SIZE;
				case "count" -> VariableType.COUNT;
				case "bool" -> VariableType.BOOLEAN;
				default -> throw new IllegalStateException("Unknown type '" + typeText + "' for " + name);
			};
		}
		boolean numeric = type == VariableType.SIZE || type == VariableType.COUNT;
		long min = numeric ? bound(row[4]) : 0;
		long max = numeric ? bound(row[5]) : 0;
		long block = numeric ? bound(row[6]) : 1;
		specs.put(name, new VariableSpec(name, type, row[3], min, max, block, allowed, fromRelease));
	}

	private static long bound(String text) {
		return switch (text) {
			case "ULONG_MAX" -> -1L; // 2^64 - 1 as unsigned bits
			case "LLONG_MAX" -> Long.MAX_VALUE;
			default -> ByteSize.parse(text).unsignedBytes();
		};
	}

	/**
	 * Whether a servers column names the profile: null when it does not, else the release the line
	 * starts from ({@code mysql-8.0@8.0.28}), empty when it holds for the whole series.
	 */
	private static String matches(String pattern, ServerProfile profile) {
		for (String entry : pattern.split(",")) {
			int at = entry.indexOf('@');
			String part = (at < 0) ? entry : entry.substring(0, at);
			if (part.equals("*") || part.equals(profile.id())
					|| (part.endsWith("-*") && profile.id().startsWith(part.substring(0, part.length() - 1)))) {
				return (at < 0) ? "" : entry.substring(at + 1);
			}
		}
		return null;
	}

}
