package dev.memplan.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the profile for a reported version ({@code 8.0.19}, {@code 10.3.31-MariaDB-log}). */
public final class ServerVersions {

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

	/** @param note null when the version maps onto its own series, else why another profile was taken */
	public record Detected(ServerProfile profile, String version, String note) {
	}

	private ServerVersions() {
	}

	public static Detected detect(ServerCatalog catalog, String version, String comment) {
		Matcher matcher = VERSION.matcher(version == null ? "" : version);
		// a version part of more than four digits is no server's (99999999999.0.1 would overflow an int): unknown
		if (!matcher.find() || matcher.group(1).length() > 4 || matcher.group(2).length() > 4) {
			return null;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		String text = (version + " " + (comment == null ? "" : comment)).toLowerCase(Locale.ROOT);
		boolean mariaDb = text.contains("mariadb") || major >= 10;
		String id;
		if (mariaDb) {
			id = (major > 11 || (major == 11 && minor >= 4)) ? "mariadb-11.4"
					: (major == 11 || minor >= 11) ? "mariadb-10.11" : "mariadb-10.6";
		}
		else {
			id = (major < 5 || (major == 5 && minor <= 6)) ? "mysql-5.6" : (major == 5) ? "mysql-5.7"
					: (major == 8 && minor == 0) ? "mysql-8.0" : "mysql-8.4";
		}
		ServerProfile profile = catalog.require(id);
		boolean exact = profile.major() == major && profile.minor() == minor;
		String note = exact ? null
				: "The dump comes from " + matcher.group() + "; memplan plans it with its nearest profile, " + profile.displayName() + ".";
		return new Detected(profile, matcher.group(), note);
	}

}
