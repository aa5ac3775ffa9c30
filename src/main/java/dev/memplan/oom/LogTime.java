package dev.memplan.oom;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp as a log printed it: syslog ({@code Oct 21 10:43:29}, no year), ISO 8601 with or
 * without offset (MySQL 5.7/8.0 {@code 2019-10-21T10:43:30.123456Z}, rsyslog, {@code journalctl -o
 * short-iso}), MySQL 5.6 / MariaDB 10.x {@code 2019-10-21 10:43:30}, MySQL 5.5 / MariaDB 5.5 and
 * mysqld_safe {@code 191021 10:43:30} and {@code dmesg -T} ({@code Mon Oct 21 10:43:29 2019}).
 *
 * @param local the wall-clock time as written
 * @param hasYear false for syslog stamps (the year is borrowed from another line of the paste)
 * @param offset the UTC offset the stamp carried ("Z", "+02:00"), or null when it carried none
 */
public record LogTime(LocalDateTime local, boolean hasYear, ZoneOffset offset) {

	private static final String[] MONTHS = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

	private static final Pattern SYSLOG = Pattern.compile("^([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?$");

	private static final Pattern ISO = Pattern.compile(
			"^(\\d{4})-(\\d\\d)-(\\d\\d)(?:T| +)(\\d{1,2}):(\\d\\d):(\\d\\d)(?:[.,](\\d{1,9}))?\\s*(Z|[+-]\\d\\d:?\\d\\d)?$");

	private static final Pattern SHORT = Pattern.compile("^(\\d\\d)(\\d\\d)(\\d\\d)\\s+(\\d{1,2}):(\\d\\d):(\\d\\d)$");

	private static final Pattern DMESG_T = Pattern.compile("^\\S{2,3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d\\d):(\\d\\d)\\s+(\\d{4})$");

	/** The stamp, or null when the text is none of the formats above (or not a real date). */
	public static LogTime parse(String text) {
		if (text == null || text.length() > 64) {
			return null;
		}
		String t = text.strip();
		try {
			Matcher m;
			if ((m = ISO.matcher(t)).matches()) {
				ZoneOffset offset = (m.group(8) != null) ? ZoneOffset.of(m.group(8).equals("Z") ? "Z" : colon(m.group(8))) : null;
				return new LogTime(time(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), m.group(7)), true, offset);
			}
			if ((m = SYSLOG.matcher(t)).matches()) {
				int month = month(m.group(1));
				return (month > 0) ? new LogTime(time(2000, month, num(m, 2), num(m, 3), num(m, 4), num(m, 5), m.group(6)), false, null)
						: null;
			}
			if ((m = SHORT.matcher(t)).matches()) {
				return new LogTime(time(2000 + num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), null), true, null);
			}
			if ((m = DMESG_T.matcher(t)).matches()) {
				int month = month(m.group(1));
				return (month > 0) ? new LogTime(time(num(m, 6), month, num(m, 2), num(m, 3), num(m, 4), num(m, 5), null), true, null) : null;
			}
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	/** This stamp with the year a syslog line does not print; 2000 (a leap year, so Feb 29 is valid) when none is known. */
	public LocalDateTime inYear(Integer year) {
		if (this.hasYear || year == null) {
			return this.local;
		}
		try {
			return this.local.withYear(year);
		}
		catch (java.time.DateTimeException ex) {
			return this.local;
		}
	}

	private static String colon(String offset) {
		return (offset.length() == 5) ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
	}

	private static int month(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (int i = 0; i < MONTHS.length; i++) {
			if (MONTHS[i].equals(lower)) {
				return i + 1;
			}
		}
		return switch (lower) { // dmesg -T in a few locales (the corpus has German)
			case "mär", "mrz" -> 3;
			case "mai" -> 5;
			case "okt" -> 10;
			case "dez" -> 12;
			default -> 0;
		};
	}

	private static int num(Matcher m, int group) {
		return Integer.parseInt(m.group(group));
	}

	private static LocalDateTime time(int year, int month, int day, int hour, int minute, int second, String fraction) {
		int nanos = 0;
		if (fraction != null) {
			nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
		}
		return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
	}

}
