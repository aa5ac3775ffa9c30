package dev.memplan.oom;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises each pasted line by its format (docs/oom.md#server-logs): a kernel message (dmesg,
 * syslog or journal {@code kernel:}), a line of the database server's own log — the error log of
 * MySQL 5.5/5.6/5.7/8.0 and MariaDB 5.5/10.x, mysqld_safe, and {@code journalctl -u mysql|mariadb}
 * (systemd's lines about the unit and the server's own lines) — or another program's syslog line.
 * One pass of anchored patterns per line: linear in the paste.
 */
final class ServerLogParser {

	/** Where a pasted line belongs. */
	enum Origin {

		KERNEL, SERVER, OTHER

	}

	/** The origin, and the incident event when the line is one. */
	record Classified(Origin origin, ServerLogEvent event, LogTime time) {
	}

	private static final Classified KERNEL = new Classified(Origin.KERNEL, null, null);

	/** Only this much of a line is matched: no server line of interest is longer. */
	static final int MAX_LINE = 2000;

	private static final String SYSLOG_TIME = "[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d{1,9})?";

	private static final String ISO_TIME = "\\d{4}-\\d\\d-\\d\\d(?:T| +)\\d{1,2}:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?";

	/** {@code Oct 21 10:43:30 db1 systemd[1]: …}, {@code journalctl -o short-iso}, rsyslog RFC 3339. */
	private static final Pattern SYSLOG = Pattern.compile(
			"^(" + SYSLOG_TIME + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?)\\s+(\\S+)\\s+([A-Za-z0-9_./@-]{1,64})(?:\\[(\\d{1,10})\\])?:\\s?(.*)$");

	/** MySQL 5.6/5.7/8.0, MariaDB 10.x: {@code 2019-10-21T10:43:31.123456Z 0 [Note] …}, {@code 2026-12-01  9:10:05 0 [Note] …}. */
	private static final Pattern ISO_LINE = Pattern.compile("^(" + ISO_TIME + ")\\s+(.*)$");

	/** MySQL 5.5, MariaDB 5.5/10.0 and mysqld_safe: {@code 191021 10:43:30 mysqld_safe mysqld restarted}. */
	private static final Pattern SHORT_LINE = Pattern.compile("^(\\d{6}\\s+\\d{1,2}:\\d\\d:\\d\\d)\\s+(.*)$");

	/** What follows a server timestamp: a thread id and a [Note]-style label, InnoDB's own prefix, or mysqld_safe. */
	private static final Pattern SERVER_REST = Pattern.compile(
			"^(?:(?:\\d{1,20}|[0-9a-f]{6,16})\\s+)?(?:\\[(?:Note|Warning|ERROR|Error|System|Info|Debug)\\]|InnoDB:|mysqld_safe\\b|mariadbd-safe\\b|mysqld-safe\\b|\\S*/?mysqld\\b|\\S*/?mariadbd\\b|Starting MariaDB\\b)");

	/** Untimestamped lines of old servers ({@code InnoDB: Starting crash recovery.}) and the ready line's second half. */
	private static final Pattern BARE_SERVER = Pattern.compile("^(?:InnoDB: |Version: '|mysqld_safe |\\[(?:Note|Warning|ERROR)\\] )");

	private static final Pattern JOURNAL_MARK = Pattern.compile("^-- (?:Logs begin|Journal begins|Boot |Reboot|No entries|Subject:|Defined-By:)");

	private static final Pattern SERVER_IDENT = Pattern.compile("(?i)^(?:mysqld|mariadbd|mysqld_safe|mariadbd-safe|mysqld-safe|mysql|mariadb|mysqld-debug|/etc/init\\.d/mysql|/etc/init\\.d/mariadb)$");

	private static final Pattern DATABASE_WORD = Pattern.compile("(?i)(mysql|mariadb|percona)");

	private static final Pattern KILLED = Pattern.compile(
			"(?i)(main process exited, code=killed, status=9/KILL|a process of this unit has been killed by the OOM killer|failed with result 'oom-kill')");

	private static final Pattern ENDED = Pattern.compile("(?:mysqld|mariadbd) from pid file \\S.* ended");

	private static final Pattern SCHEDULED = Pattern.compile("(?i)scheduled restart job, restart counter is at (\\d{1,9})");

	/** systemd before 236 (CentOS 7): {@code mysqld.service holdoff time over, scheduling restart.} */
	private static final Pattern HOLDOFF = Pattern.compile("(?i)holdoff time over, scheduling restart");

	private static final Pattern SAFE_RESTARTED = Pattern.compile("(?:^|\\s)(?:mysqld |mariadbd )?restarted\\s*$");

	private static final Pattern START = Pattern.compile("(?:starting as process|Starting MariaDB\\b.*\\bas process) (\\d{1,10})");

	private static final Pattern RECOVERY = Pattern.compile("(?i)(database was not shut ?down normally|starting crash recovery)");

	private static final Pattern READY = Pattern.compile("ready for connections");

	private static final Pattern SHUTDOWN = Pattern.compile("(?:\\bNormal shutdown\\b|\\bShutdown complete\\b)");

	/**
	 * @param raw the pasted line
	 * @param input the paste box ({@code log} or {@code serverLog})
	 * @param line its number in that box
	 * @param lastServerTime the previous server line's time, for untimestamped lines of old servers
	 */
	Classified classify(String raw, String input, int line, LogTime lastServerTime) {
		String text = (raw.length() > MAX_LINE) ? raw.substring(0, MAX_LINE) : raw;
		String stripped = text.strip();
		if (stripped.isEmpty() || (stripped.charAt(0) == '[' && stripped.length() > 1
				&& (stripped.charAt(1) == ' ' || Character.isDigit(stripped.charAt(1))))) {
			return KERNEL; // blank, or a dmesg line
		}
		// cheap gates: every format below starts with a digit, a capital (a month, InnoDB:, Version:), '-', 'm' or '['
		char c = stripped.charAt(0);
		boolean digit = c >= '0' && c <= '9';
		boolean capital = c >= 'A' && c <= 'Z';
		if (!digit && !capital && c != '-' && c != 'm' && c != '[') {
			return KERNEL;
		}
		Matcher m;
		if (c == '-' && JOURNAL_MARK.matcher(stripped).find()) {
			return new Classified(Origin.OTHER, null, null);
		}
		if ((digit || capital) && (m = SYSLOG.matcher(stripped)).matches()) {
			String ident = m.group(3);
			String message = m.group(5);
			if (ident.equals("kernel")) {
				return new Classified(Origin.KERNEL, null, null);
			}
			LogTime time = LogTime.parse(m.group(1));
			Long pid = (m.group(4) != null) ? Long.valueOf(m.group(4)) : null;
			if (ident.equals("systemd") || ident.startsWith("systemd[")) {
				if (!DATABASE_WORD.matcher(message).find()) {
					return new Classified(Origin.OTHER, null, null);
				}
				return server(systemdKind(message), input, line, time, null, counter(message), raw);
			}
			if (SERVER_IDENT.matcher(ident).matches()) {
				// the server's own line inside the journal may carry its own stamp, with the year the journal's lacks
				Matcher inner = ISO_LINE.matcher(message);
				boolean isoInner = inner.matches();
				String body = isoInner ? inner.group(2) : message;
				Matcher shortInner = SHORT_LINE.matcher(body);
				boolean shortStamp = shortInner.matches();
				LogTime own = isoInner ? LogTime.parse(inner.group(1)) : shortStamp ? LogTime.parse(shortInner.group(1)) : null;
				time = (own != null) ? own : time;
				body = shortStamp ? shortInner.group(2) : body;
				ServerLogEvent.Kind kind = serverKind(body, ident.toLowerCase(Locale.ROOT).contains("safe"));
				Long started = startedPid(body);
				return server(kind, input, line, time, (started != null) ? started : (ident.contains("safe") ? null : pid), null, raw);
			}
			return new Classified(Origin.OTHER, null, null);
		}
		LogTime time = null;
		String rest = null;
		if (digit && (m = ISO_LINE.matcher(stripped)).matches() && SERVER_REST.matcher(m.group(2)).find()) {
			time = LogTime.parse(m.group(1));
			rest = m.group(2);
		}
		else if (digit && (m = SHORT_LINE.matcher(stripped)).matches() && SERVER_REST.matcher(m.group(2)).find()) {
			time = LogTime.parse(m.group(1));
			rest = m.group(2);
		}
		else if (!digit && stripped.length() > 6 && BARE_SERVER.matcher(stripped).find()) {
			time = lastServerTime;
			rest = stripped;
		}
		if (rest == null) {
			return new Classified(Origin.KERNEL, null, null);
		}
		boolean safe = rest.startsWith("mysqld_safe") || rest.startsWith("mariadbd-safe") || rest.startsWith("mysqld-safe");
		return server(serverKind(rest, safe), input, line, time, startedPid(rest), null, raw);
	}

	private static Classified server(ServerLogEvent.Kind kind, String input, int line, LogTime time, Long pid, Integer counter,
			String raw) {
		ServerLogEvent event = (kind != null)
				? new ServerLogEvent(kind, input, line, time, pid, counter, (raw.length() > 300) ? raw.substring(0, 300) : raw.strip())
				: null;
		return new Classified(Origin.SERVER, event, time);
	}

	private static ServerLogEvent.Kind systemdKind(String message) {
		if (KILLED.matcher(message).find()) {
			return ServerLogEvent.Kind.KILLED;
		}
		if (SCHEDULED.matcher(message).find() || HOLDOFF.matcher(message).find()) {
			return ServerLogEvent.Kind.RESTART;
		}
		return null;
	}

	private static Integer counter(String message) {
		Matcher m = SCHEDULED.matcher(message);
		return m.find() ? Integer.valueOf(m.group(1)) : null;
	}

	private static ServerLogEvent.Kind serverKind(String message, boolean mysqldSafe) {
		if (ENDED.matcher(message).find()) {
			return ServerLogEvent.Kind.ENDED;
		}
		if (mysqldSafe && SAFE_RESTARTED.matcher(message).find()) {
			return ServerLogEvent.Kind.RESTART;
		}
		if (START.matcher(message).find()) {
			return ServerLogEvent.Kind.START;
		}
		if (RECOVERY.matcher(message).find()) {
			return ServerLogEvent.Kind.RECOVERY;
		}
		if (READY.matcher(message).find()) {
			return ServerLogEvent.Kind.READY;
		}
		if (!mysqldSafe && SHUTDOWN.matcher(message).find()) {
			return ServerLogEvent.Kind.SHUTDOWN;
		}
		return null;
	}

	private static Long startedPid(String message) {
		Matcher m = START.matcher(message);
		return m.find() ? Long.valueOf(m.group(1)) : null;
	}

}
