package dev.memplan.catalog;

import java.util.List;
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
		return new TreeSet<>(DataFiles.lines(resource).stream().map(String::strip).toList());
	}

}
