package dev.memplan.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every option name mariadbd accepts (catalog/mariadb-options.txt, printed by the server itself),
 * for unknown-option errors and MariaDB's unique-prefix abbreviations. memplan holds no such
 * list for MySQL: there only memory variables are checked.
 */
public final class ServerOptionNames {

	private static final ServerOptionNames MARIADB = new ServerOptionNames(load("catalog/mariadb-options.txt"));

	private final TreeSet<String> names;

	private ServerOptionNames(TreeSet<String> names) {
		this.names = names;
	}

	public static ServerOptionNames mariaDb() {
		return MARIADB;
	}

	public boolean contains(String name) {
		return this.names.contains(name);
	}

	/** The options whose name starts with {@code prefix}, for abbreviations. */
	public List<String> startingWith(String prefix) {
		return List.copyOf(this.names.subSet(prefix, prefix + Character.MAX_VALUE));
	}

	private static TreeSet<String> load(String resource) {
		TreeSet<String> names = new TreeSet<>();
		try (InputStream in = ServerOptionNames.class.getClassLoader().getResourceAsStream(resource)) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					names.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	Set<String> names() {
		return this.names;
	}

}
