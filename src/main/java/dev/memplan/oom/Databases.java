package dev.memplan.oom;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which process names are the database server itself. */
public final class Databases {

	private static final Pattern DATABASE = Pattern.compile("^(mysqld|mariadbd|mysqld\\.bin|mysqld-debug|mysqld_safe|mariadbd-safe|mariadb)$");

	private Databases() {
	}

	public static boolean isDatabase(String name) {
		return name != null && DATABASE.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

	/** The server process itself (not its mysqld_safe wrapper). */
	public static boolean isServer(String name) {
		return name != null && name.toLowerCase(Locale.ROOT).matches("mysqld|mariadbd|mysqld\\.bin|mysqld-debug");
	}

}
