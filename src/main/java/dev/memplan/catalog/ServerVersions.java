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

	/**
	 * True when {@code version} ({@code 8.0.15}, {@code 8.0.15-log}) is a release before
	 * {@code release} ({@code 8.0.28}). A version without its patch number (8.0) is not known to be
	 * before anything: false, so that nothing is taken away on a guess.
	 */
	public static boolean isBefore(String version, String release) {
		Matcher left = VERSION.matcher(version == null ? "" : version);
		Matcher right = VERSION.matcher(release == null ? "" : release);
		if (!left.find() || !right.find() || left.group(3) == null || right.group(3) == null) {
			return false;
		}
		for (int group = 1; group <= 3; group++) {
			// digits compared as numbers without parsing, so 99999999999 cannot overflow
			String a = left.group(group).replaceFirst("^0+(?=.)", "");
			String b = right.group(group).replaceFirst("^0+(?=.)", "");
			int order = (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
			if (order != 0) {
				return order < 0;
			}
		}
		return false;
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
