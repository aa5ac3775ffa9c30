package dev.memplan.oom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a pasted kernel log into messages: strips syslog, journalctl, dmesg, dmesg -T (any
 * language) and dmesg -H prefixes, splits records that a paste joined on one line, joins records
 * a paste split, and appends hard-wrapped or indented continuation lines to their message.
 */
final class KernelLogNormalizer {

	private static final Pattern SYSLOG = Pattern.compile("^([A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d\\d:\\d\\d:\\d\\d)\\s+(?:\\S+\\s+)?kernel:\\s?");

	private static final Pattern ISO_SYSLOG = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+)\\s+(?:\\S+\\s+)?kernel:\\s?");

	private static final Pattern UPTIME = Pattern.compile("\\[\\s*(\\d+\\.\\d+)\\]\\s?");

	private static final Pattern HUMAN_TIME = Pattern.compile("^\\[(\\S{2,3}\\s+\\S{3,4}\\s+\\d{1,2} \\d\\d:\\d\\d:\\d\\d \\d{4})\\]\\s?");

	private static final Pattern RELATIVE = Pattern.compile("^\\[\\s*(\\+\\d+\\.\\d+|[A-Z][a-z]{2}\\d{1,2} \\d\\d:\\d\\d)\\]\\s?");

	private static final Pattern JOINED_RECORD = Pattern.compile("(?<=\\S)\\s*(?=\\[\\s*\\d+\\.\\d{3,}\\])");

	private static final Pattern SPLIT_RECORD_HEAD = Pattern.compile("^\\s*\\d+\\.\\d+\\]");

	private record Raw(int line, String text) {
	}

	List<LogLine> normalize(String text) {
		String[] lines = text.split("\r?\n", -1);
		int[] numbers = new int[lines.length];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = i + 1;
		}
		return normalize(lines, numbers);
	}

	/** Lines taken out of a mixed paste, each with its number in the paste. */
	List<LogLine> normalize(String[] pasted, int[] numbers) {
		List<Raw> raws = rejoinSplitRecords(pasted, numbers);
		List<Prefixed> prefixed = new ArrayList<>();
		int withPrefix = 0;
		for (Raw raw : raws) {
			if (raw.text().isBlank()) {
				// says nothing and continues nothing; a megabyte of empty lines costs a scan, not a million records
				continue;
			}
			Prefixed first = strip(raw.line(), raw.text());
			String[] parts = (first.message().indexOf('[', 1) > 0) ? JOINED_RECORD.split(first.message()) : new String[] { first.message() };
			for (int i = 0; i < parts.length; i++) {
				// a second record pasted onto the same line starts with its own dmesg timestamp
				Prefixed p = (i == 0) ? new Prefixed(first.line(), first.raw(), first.time(), first.uptime(), parts[0], first.hadPrefix())
						: strip(raw.line(), parts[i]);
				prefixed.add(p);
				if (p.hadPrefix()) {
					withPrefix++;
				}
			}
		}
		boolean prefixedLog = withPrefix * 2 > prefixed.size();
		List<LogLine> lines = new ArrayList<>();
		for (Prefixed p : prefixed) {
			boolean continuation = !lines.isEmpty() && !p.message().isBlank()
					&& ((!p.hadPrefix() && prefixedLog) || (!p.hadPrefix() && Character.isWhitespace(p.raw().charAt(0))
							&& !p.message().startsWith("[")));
			if (continuation) {
				LogLine previous = lines.remove(lines.size() - 1);
				lines.add(new LogLine(previous.line(), previous.time(), previous.uptimeSeconds(),
						previous.message() + (Character.isWhitespace(p.raw().charAt(0)) ? " " : "") + p.message().strip()));
			}
			else if (!p.message().isBlank()) {
				lines.add(new LogLine(p.line(), p.time(), p.uptime(), p.message().strip()));
			}
		}
		return lines;
	}

	/** A record split as "... [" / "1225007.985657] ..." is one line again. */
	private static List<Raw> rejoinSplitRecords(String[] lines, int[] numbers) {
		List<Raw> raws = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int number = numbers[i];
			while (endsWithOpenBracket(line) && i + 1 < lines.length && !lines[i + 1].isBlank()
					&& SPLIT_RECORD_HEAD.matcher(lines[i + 1]).find()) {
				line = line.substring(0, line.lastIndexOf('[') + 1) + lines[++i].strip();
			}
			raws.add(new Raw(number, line));
		}
		return raws;
	}

	/** {@code "… ["}: a record split after its opening bracket (checked without a pattern). */
	private static boolean endsWithOpenBracket(String line) {
		int end = line.length() - 1;
		while (end >= 0 && Character.isWhitespace(line.charAt(end))) {
			end--;
		}
		return end >= 0 && line.charAt(end) == '[';
	}

	private record Prefixed(int line, String raw, String time, Double uptime, String message, boolean hadPrefix) {
	}

	private static Prefixed strip(int line, String raw) {
		String rest = raw;
		String time = null;
		Double uptime = null;
		boolean prefix = false;
		char c = rest.isEmpty() ? ' ' : rest.charAt(0);
		Matcher m = (c >= 'A' && c <= 'Z') ? SYSLOG.matcher(rest) : null;
		if (m != null && m.find()) {
			time = m.group(1);
			rest = rest.substring(m.end());
			prefix = true;
		}
		else if (c >= '0' && c <= '9' && (m = ISO_SYSLOG.matcher(rest)).find()) {
			time = m.group(1);
			rest = rest.substring(m.end());
			prefix = true;
		}
		// the shortest dmesg stamp is "[0.0]": shorter text needs no pattern
		boolean bracket = rest.length() > 4 && rest.startsWith("[");
		if (bracket && (m = HUMAN_TIME.matcher(rest)).find()) {
			time = m.group(1).replaceAll("\\s+", " ");
			rest = rest.substring(m.end());
			prefix = true;
		}
		else if (bracket && (m = RELATIVE.matcher(rest)).find()) {
			time = m.group(1);
			rest = rest.substring(m.end());
			prefix = true;
		}
		else if (rest.length() > 4 && rest.indexOf('[') >= 0 && rest.indexOf('[') <= 40 && rest.indexOf(']') > 0) {
			m = UPTIME.matcher(rest);
			// a dmesg timestamp at the start, or after a short foreign prefix ("percona # [  16.86]")
			if (m.find() && m.start() <= 40 && !rest.substring(0, m.start()).contains("]")) {
				uptime = Double.valueOf(m.group(1));
				rest = rest.substring(m.end());
				prefix = true;
			}
		}
		return new Prefixed(line, raw.isEmpty() ? " " : raw, time, uptime, rest, prefix);
	}

}
