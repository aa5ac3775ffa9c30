package dev.memplan.catalog;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every option name a server accepts, as the server itself printed them (catalog/*-options.txt):
 * MariaDB 10.11, MySQL 5.7 (5.7.22) and MySQL 8.0 (8.0.31). Used for unknown-option errors and
 * prefix abbreviations. memplan holds no such list for MySQL 5.6 and 8.4 (no server of those
 * runs here): there only memory variables are checked. MySQL's published mysqld --verbose --help
 * test result (mysql-test/r/mysqld--help-notwin.result) would not do as such a list: the test's
 * filter (mysql-test/include/mysqld--help.inc) leaves out the options of InnoDB, NDB, Archive,
 * Blackhole, Federated and partitioning, and the ssl and debug options, among others, so a list
 * made from it would call real InnoDB options unknown.
 */
public final class ServerOptionNames {

	private static final ServerOptionNames MARIADB = new ServerOptionNames(load("catalog/mariadb-options.txt"));

	private static final ServerOptionNames MYSQL_57 = new ServerOptionNames(load("catalog/mysql-5.7-options.txt"));

	private static final ServerOptionNames MYSQL_80 = new ServerOptionNames(load("catalog/mysql-8.0-options.txt"));

	private final TreeSet<String> names;

	private ServerOptionNames(TreeSet<String> names) {
		this.names = names;
	}

	public static ServerOptionNames mariaDb() {
		return MARIADB;
	}

	/** The full list of the profile's server, when memplan has one. */
	public static Optional<ServerOptionNames> of(ServerProfile profile) {
		if (profile.isMariaDb()) {
			return Optional.of(MARIADB);
		}
		return switch (profile.id()) {
			case "mysql-5.7" -> Optional.of(MYSQL_57);
			case "mysql-8.0" -> Optional.of(MYSQL_80);
			default -> Optional.empty();
		};
	}

	/** MySQL 5.6 has no list here; 5.7's is the nearest real one for reading 5.6's unique prefixes. */
	public static ServerOptionNames nearestMySql56() {
		return MYSQL_57;
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
