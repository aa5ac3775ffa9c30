package dev.memplan.app.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.memplan.app.LiveProbeSettings;
import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.live.AllowedHosts;
import dev.memplan.live.LiveTarget;

/**
 * Reads {@code memplan.fleet.inventory}: a YAML mapping with optional {@code defaults} and a list of
 * {@code targets}. Everything is checked before the first scan and the first problem stops the
 * start, named by file, line and field: an unknown key, a password written into the file, a
 * password file others can read, a host outside memplan.live.allowed-hosts, a duplicate name.
 * YAML is composed into nodes (not objects), so every value keeps its line.
 */
public final class InventoryReader {

	/** An inventory of thousands of targets is a few hundred KiB. */
	static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

	private static final Set<String> TOP_LEVEL = Set.of("defaults", "targets");

	private static final Set<String> TARGET_KEYS = Set.of("name", "host", "port", "user", "passwordEnv", "passwordFile", "tls",
			"hostRam", "expectedConnections", "labels", "connectTimeout", "socketTimeout", "deadline");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

	/** Prometheus label names; a leading __ is reserved to Prometheus itself. */
	private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,63}");

	/** Labels memplan's own metrics use. */
	private static final Set<String> RESERVED_LABELS = Set.of("target", "inventory", "verdict");

	private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)");

	private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

	private final LiveProbeSettings live;

	private final Map<String, String> env;

	/**
	 * @param live the live probe's allowed hosts (applied to every target) and default timeouts
	 * @param env where {@code passwordEnv} variables are looked up
	 */
	public InventoryReader(LiveProbeSettings live, Map<String, String> env) {
		this.live = live;
		this.env = env;
	}

	public Inventory read(Path file) {
		String source = file.toString();
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(MAX_FILE_BYTES + 1);
		}
		catch (IOException ex) {
			throw new InventoryException(source, 0, null, "cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		if (bytes.length > MAX_FILE_BYTES) {
			throw new InventoryException(source, 0, null, "is larger than " + MAX_FILE_BYTES + " bytes");
		}
		Path base = (file.toAbsolutePath().getParent() != null) ? file.toAbsolutePath().getParent() : Path.of(".");
		return parse(new String(bytes, StandardCharsets.UTF_8), source, base);
	}

	/** @param base the directory a relative {@code passwordFile} is read from */
	public Inventory parse(String text, String source, Path base) {
		return new Parse(source, base).inventory(compose(text, source));
	}

	private static Node compose(String text, String source) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setCodePointLimit(MAX_FILE_BYTES);
		options.setAllowDuplicateKeys(false);
		try {
			return new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			throw new InventoryException(source, line, null, "is not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new InventoryException(source, 0, null, "is not valid YAML: " + ex.getMessage());
		}
	}

	/** One reading of one file: the source and base for messages and relative paths. */
	private final class Parse {

		private final String source;

		private final Path base;

		Parse(String source, Path base) {
			this.source = source;
			this.base = base;
		}

		Inventory inventory(Node root) {
			if (root == null) {
				throw fail(null, null, "is empty; it needs a list of targets");
			}
			Map<String, NodeTuple> top = mapping(root, "(top level)", TOP_LEVEL);
			Map<String, NodeTuple> defaults = top.containsKey("defaults")
					? mapping(top.get("defaults").getValueNode(), "defaults", TARGET_KEYS) : Map.of();
			for (String key : List.of("name", "host")) {
				if (defaults.containsKey(key)) {
					throw fail(defaults.get(key).getKeyNode(), "defaults." + key, "each target has its own " + key);
				}
			}
			if (!top.containsKey("targets") || !(top.get("targets").getValueNode() instanceof SequenceNode list)
					|| list.getValue().isEmpty()) {
				throw fail(top.containsKey("targets") ? top.get("targets").getKeyNode() : root, "targets",
						"a list of targets is required, e.g. - {name: db1, host: db1.example.internal, hostRam: 64G}");
			}
			List<FleetTarget> targets = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (int i = 0; i < list.getValue().size(); i++) {
				Node node = list.getValue().get(i);
				FleetTarget target = target(node, "targets[" + i + "]", defaults);
				if (!names.add(target.name())) {
					throw fail(node, "targets[" + i + "].name", "the name " + target.name() + " is used by an earlier target");
				}
				targets.add(target);
			}
			return Inventory.of(this.source, targets);
		}

		private FleetTarget target(Node node, String path, Map<String, NodeTuple> defaults) {
			Map<String, NodeTuple> own = mapping(node, path, TARGET_KEYS);
			Map<String, NodeTuple> fields = new LinkedHashMap<>(defaults);
			fields.putAll(own);
			String name = required(fields, "name", path, node);
			if (!NAME.matcher(name).matches()) {
				throw fail(fields.get("name").getValueNode(), path + ".name",
						"a name is letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit");
			}
			String host = required(fields, "host", path, node);
			String hostRam = required(fields, "hostRam", path, node);
			LiveTarget checked;
			try {
				checked = LiveTarget.of(host, text(fields, "port"), text(fields, "user"), new char[0], text(fields, "tls"));
			}
			catch (LiveTarget.InvalidTargetException ex) {
				throw fail(valueNode(fields, ex.field(), node), field(fields, own, ex.field(), path), ex.getMessage());
			}
			permitted(checked.host(), checked.port(), fields.get("host").getValueNode(), path + ".host");
			long ramBytes;
			try {
				ramBytes = ByteSize.parseHostMemory(hostRam).toLongExact();
			}
			catch (ByteSizeFormatException ex) {
				throw fail(valueNode(fields, "hostRam", node), field(fields, own, "hostRam", path), ex.getMessage());
			}
			String expected = text(fields, "expectedConnections");
			if (expected != null && !expected.strip().matches("\\d{1,9}")) {
				throw fail(valueNode(fields, "expectedConnections", node), field(fields, own, "expectedConnections", path),
						"a whole number of connections");
			}
			Duration connect = timeout(fields, own, "connectTimeout", path, liveSettings().connectTimeout());
			Duration socket = timeout(fields, own, "socketTimeout", path, liveSettings().socketTimeout());
			// memplan.live.deadline, but never longer than this target's own timeouts add up to
			Duration fallback = min(liveSettings().deadline(), connect.plus(socket));
			return new FleetTarget(name, checked.host(), checked.port(), checked.user(), password(fields, own, path, node),
					checked.tlsMode().name(), hostRam.strip(), ramBytes, (expected != null) ? expected.strip() : null,
					labels(defaults, own, path), connect, socket, timeout(fields, own, "deadline", path, fallback),
					node.getStartMark().getLine() + 1);
		}

		private PasswordSource password(Map<String, NodeTuple> fields, Map<String, NodeTuple> own, String path, Node node) {
			String variable = text(fields, "passwordEnv");
			String file = text(fields, "passwordFile");
			// a target's own choice replaces the default's other kind
			if (own.containsKey("passwordEnv") && !own.containsKey("passwordFile")) {
				file = null;
			}
			if (own.containsKey("passwordFile") && !own.containsKey("passwordEnv")) {
				variable = null;
			}
			if (variable != null && file != null) {
				throw fail(valueNode(fields, "passwordFile", node), field(fields, own, "passwordFile", path),
						"give passwordEnv or passwordFile, not both");
			}
			if (variable != null) {
				if (!ENV.matcher(variable).matches()) {
					throw fail(valueNode(fields, "passwordEnv", node), field(fields, own, "passwordEnv", path),
							"not an environment variable name");
				}
				if (!InventoryReader.this.env.containsKey(variable)) {
					throw fail(valueNode(fields, "passwordEnv", node), field(fields, own, "passwordEnv", path),
							"the environment variable " + variable + " is not set");
				}
				return new PasswordSource.FromEnv(variable);
			}
			if (file != null) {
				Path resolved = this.base.resolve(file);
				String problem = PasswordSource.FromFile.unusable(resolved);
				if (problem != null) {
					throw fail(valueNode(fields, "passwordFile", node), field(fields, own, "passwordFile", path), problem);
				}
				return new PasswordSource.FromFile(resolved);
			}
			return new PasswordSource.None();
		}

		private Map<String, String> labels(Map<String, NodeTuple> defaults, Map<String, NodeTuple> own, String path) {
			Map<String, String> labels = new LinkedHashMap<>();
			if (defaults.containsKey("labels")) {
				labels.putAll(labelMap(defaults.get("labels").getValueNode(), "defaults.labels"));
			}
			if (own.containsKey("labels")) {
				labels.putAll(labelMap(own.get("labels").getValueNode(), path + ".labels"));
			}
			return labels;
		}

		private Map<String, String> labelMap(Node node, String path) {
			Map<String, String> labels = new LinkedHashMap<>();
			for (Map.Entry<String, NodeTuple> entry : mapping(node, path, null).entrySet()) {
				String key = entry.getKey();
				if (!LABEL.matcher(key).matches() || key.startsWith("__") || RESERVED_LABELS.contains(key)) {
					throw fail(entry.getValue().getKeyNode(), path + "." + key, "a label name is a Prometheus label name"
							+ " (letters, digits, '_', not starting with a digit or '__') other than target, inventory and verdict");
				}
				Node value = entry.getValue().getValueNode();
				if (!(value instanceof ScalarNode scalar) || scalar.getValue().length() > 200) {
					throw fail(value, path + "." + key, "a label value is one piece of text of at most 200 characters");
				}
				labels.put(key, scalar.getValue());
			}
			return labels;
		}

		private Duration timeout(Map<String, NodeTuple> fields, Map<String, NodeTuple> own, String key, String path,
				Duration fallback) {
			String text = text(fields, key);
			if (text == null) {
				return fallback;
			}
			var matcher = DURATION.matcher(text.strip());
			Duration duration = null;
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				duration = switch (matcher.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					default -> Duration.ofMinutes(amount);
				};
			}
			if (duration == null || duration.isZero() || duration.compareTo(MAX_TIMEOUT) > 0) {
				throw fail(fields.get(key).getValueNode(), field(fields, own, key, path),
						"a timeout is a number with ms, s or m, more than 0 and at most 10m (e.g. 5s)");
			}
			return duration;
		}

		/** The live probe's own check (host and port), so start-up refuses exactly what a probe would. */
		private void permitted(String host, int port, Node node, String field) {
			AllowedHosts allowed = new AllowedHosts(liveSettings().allowedHosts());
			try {
				allowed.permit(host, port);
			}
			catch (AllowedHosts.HostNotAllowedException ex) {
				// the port too: with a host:port entry the same host on another port is refused
				throw fail(node, field, host + " port " + port + " is not in memplan.live.allowed-hosts");
			}
			catch (UnknownHostException ex) {
				// a name that does not resolve now may resolve later: the scan reports it down with the reason
			}
		}

		private LiveProbeSettings liveSettings() {
			return InventoryReader.this.live;
		}

		/** The keys of a mapping; {@code allowed} null accepts any key. */
		private Map<String, NodeTuple> mapping(Node node, String path, Set<String> allowed) {
			if (!(node instanceof MappingNode map)) {
				throw fail(node, path, "a mapping of key: value is expected here");
			}
			Map<String, NodeTuple> keys = new LinkedHashMap<>();
			for (NodeTuple tuple : map.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					throw fail(tuple.getKeyNode(), path, "a key is plain text");
				}
				String name = key.getValue();
				if (name.equals("password")) {
					throw fail(key, path + ".password", "passwords are never written in the inventory;"
							+ " name an environment variable (passwordEnv) or an owner-only file (passwordFile)");
				}
				if (allowed != null && !allowed.contains(name)) {
					throw fail(key, path + "." + name, "unknown key; known keys are " + new java.util.TreeSet<>(allowed));
				}
				if (keys.put(name, tuple) != null) {
					throw fail(key, path + "." + name, "given twice");
				}
				if (allowed != null && !name.equals("labels") && !name.equals("defaults") && !name.equals("targets")
						&& !(tuple.getValueNode() instanceof ScalarNode)) {
					throw fail(tuple.getValueNode(), path + "." + name, "a single value is expected here");
				}
			}
			return keys;
		}

		private String required(Map<String, NodeTuple> fields, String key, String path, Node node) {
			String value = text(fields, key);
			if (value == null || value.isBlank()) {
				throw fail(node, path + "." + key, key + " is required");
			}
			return value.strip();
		}

		/** The field's path as the user wrote it: in the target, or in defaults when inherited. */
		private String field(Map<String, NodeTuple> fields, Map<String, NodeTuple> own, String key, String path) {
			return (own.containsKey(key) || !fields.containsKey(key)) ? path + "." + key : "defaults." + key;
		}

		private Node valueNode(Map<String, NodeTuple> fields, String key, Node fallback) {
			return fields.containsKey(key) ? fields.get(key).getValueNode() : fallback;
		}

		private InventoryException fail(Node node, String field, String problem) {
			return new InventoryException(this.source, (node != null) ? node.getStartMark().getLine() + 1 : 0, field, problem);
		}

	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String text(Map<String, NodeTuple> fields, String key) {
		NodeTuple tuple = fields.get(key);
		if (tuple == null || !(tuple.getValueNode() instanceof ScalarNode scalar)) {
			return null;
		}
		String value = scalar.getValue();
		return (value.isEmpty() || value.equals("null") || value.equals("~")) ? null : value;
	}

}
