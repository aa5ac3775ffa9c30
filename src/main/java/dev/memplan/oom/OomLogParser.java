package dev.memplan.oom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OOM killer output from any kernel from 2.6.32 to 6.x (docs/oom.md#kernel-logs): trigger, summary,
 * decision, kill and reaper lines, cgroup blocks, task tables in any of their column layouts,
 * and the Mem-Info totals. Pure: no file, no system call.
 */
public final class OomLogParser {

	/** Page size for task-table columns counted in pages (64 KiB on some arm64 kernels). */
	static final long PAGE = 4096;

	private static final Pattern TRIGGER = Pattern.compile("^(.+?) invoked oom-killer:?(.*)$");

	private static final Pattern DECISION = Pattern.compile(
			"(?i)^(memory cgroup out of memory|out of memory)(?: \\(oom_kill_allocating_task\\))?: kill process (\\d+) \\(([^)]*)\\) score (-?\\d+)");

	private static final Pattern KILL = Pattern.compile(
			"(?i)^(?:(memory cgroup out of memory|out of memory):\\s*)?(?:killed process|process stopped)\\s+(\\d+)(.*)$");

	private static final Pattern REAPED = Pattern.compile(
			"^oom_reaper: reaped process (\\d+) \\(([^)]*)\\), now anon-rss:(\\d+)kB, file-rss:(\\d+)kB, shmem-rss:(\\d+)kB");

	private static final Pattern TASK_IN = Pattern.compile("^Task in (\\S+) killed as a result of limit of (\\S+)");

	private static final Pattern CG_USAGE = Pattern.compile("^memory: usage (\\d+)kB, limit (\\d+)kB");

	private static final Pattern TASK_HEADER = Pattern.compile("^\\[\\s*pid\\s*\\]\\s+(.*)$");

	private static final Pattern TASK_ROW = Pattern.compile("^\\[\\s*(\\d+)\\]\\s+(.*)$");

	private static final Pattern PAGES_RAM = Pattern.compile("^(\\d+) pages RAM");

	private static final Pattern SWAP = Pattern.compile("^(Total|Free) swap\\s*=\\s*(\\d+)kB");

	private static final Pattern LOOKS_LIKE_OOM = Pattern.compile("(?i)(killed process|out of memory|oom-kill|oom_reaper|invoked oom|process stopped)");

	/** A 3.10 task table, the most common in old logs, when a paste lost the header. */
	private static final List<String> DEFAULT_COLUMNS = List.of("uid", "tgid", "total_vm", "rss", "nr_ptes", "swapents",
			"oom_score_adj", "name");

	public OomLogAnalysis parse(String text) {
		return parse(new KernelLogNormalizer().normalize(text));
	}

	/** The kernel lines of a mixed paste, each with its line number in the paste. */
	OomLogAnalysis parse(List<String> lines, int[] numbers) {
		return parse(new KernelLogNormalizer().normalize(lines.toArray(String[]::new), numbers));
	}

	/**
	 * Events kept: the last 200 kills. A real OOM report is 20 to 300 lines (trigger, Mem-Info, a
	 * task table of every process), so 1 MiB holds a few hundred at most and all of them are kept;
	 * only kill lines alone, without their reports, reach thousands (12,336 in 1 MiB, KeptEventsTests), and those
	 * repeat one story. The last ones are the host as it is now, the ones a DBA acts on; the page
	 * and the API say how many earlier ones were left out.
	 */
	static final int MAX_EVENTS = 200;

	/** The last {@link #MAX_EVENTS} finished events and a count of the earlier ones; adding is O(1). */
	private static final class LastEvents {

		private final ArrayDeque<OomEvent> kept = new ArrayDeque<>();

		private OomEventBuilder current;

		private int leftOut;

		/** Finishes the event being read (an event is finished when the next one starts) and starts a new one. */
		OomEventBuilder start(LogLine line) {
			finish();
			this.current = new OomEventBuilder(line);
			return this.current;
		}

		void finish() {
			if (this.current == null) {
				return;
			}
			OomEvent event = this.current.build();
			this.current = null;
			// a task table or header that never became a kill is no event
			if (event.victim() == null && event.trigger() == null) {
				return;
			}
			this.kept.addLast(event);
			if (this.kept.size() > MAX_EVENTS) {
				this.kept.removeFirst();
				this.leftOut++;
			}
		}

	}

	private OomLogAnalysis parse(List<LogLine> lines) {
		LastEvents events = new LastEvents();
		List<OomLogAnalysis.UnreadLine> unread = new ArrayList<>();
		List<String> columns = null;
		OomEventBuilder current = null;
		for (LogLine line : lines) {
			try {
				current = read(line, events, current, columns, unread);
				if (line.message().startsWith("[") && line.message().length() > 5 && TASK_HEADER.matcher(line.message()).find()) {
					columns = List.of(TASK_HEADER.matcher(line.message()).replaceFirst("$1").trim().split("\\s+"));
				}
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// a number no kernel prints (a paste gone wrong): list the line, keep going
				unread.add(new OomLogAnalysis.UnreadLine(line.line(), line.message()));
			}
		}
		events.finish();
		// killed processes and restart loops are read from the events kept: the recent ones
		List<OomEvent> built = List.copyOf(events.kept);
		return new OomLogAnalysis(built, RestartLoops.processes(built), RestartLoops.find(built), unread, events.leftOut);
	}

	/** One message; returns the event it belongs to (a new one when it starts one). */
	private OomEventBuilder read(LogLine line, LastEvents events, OomEventBuilder currentEvent, List<String> columns,
			List<OomLogAnalysis.UnreadLine> unread) {
		OomEventBuilder current = currentEvent;
		String message = line.message();
		Matcher m;
		{
			// cheap gates first: each pattern below is anchored, so its first character or a literal must be there
			char c = message.isEmpty() ? ' ' : message.charAt(0);
			if (message.contains(" invoked oom-killer") && (m = TRIGGER.matcher(message)).find()) {
				current = start(events, line);
				current.trigger = trigger(m.group(1), m.group(2));
			}
			else if (message.startsWith("oom-kill:")) {
				if (current == null || current.summary != null || current.victim != null) {
					current = start(events, line);
				}
				current.summary = keyValues(message.substring("oom-kill:".length()));
			}
			else if ("mMoO".indexOf(c) >= 0 && (m = DECISION.matcher(message)).find()) {
				if (current == null || current.victim != null) {
					current = start(events, line);
				}
				current.decision = new long[] { Long.parseLong(m.group(2)), Long.parseLong(m.group(4)) };
				current.decisionComm = m.group(3);
				current.memcg |= m.group(1).toLowerCase(Locale.ROOT).startsWith("memory cgroup");
			}
			else if ("mMoOkKpP".indexOf(c) >= 0 && (m = KILL.matcher(message)).find()) {
				if (current == null || current.victim != null) {
					current = start(events, line);
				}
				current.victim = victim(Long.parseLong(m.group(2)), m.group(3));
				current.memcg |= m.group(1) != null && m.group(1).toLowerCase(Locale.ROOT).startsWith("memory cgroup");
			}
			else if (message.startsWith("oom_reaper:") && (m = REAPED.matcher(message)).find()) {
				if (current != null) {
					current.reaped = new OomEvent.Reaped(Long.parseLong(m.group(1)), m.group(2), kib(m.group(3)), kib(m.group(4)),
							kib(m.group(5)));
				}
			}
			else if (c == '[' && message.length() > 5 && (m = TASK_HEADER.matcher(message)).find()) {
				if (current == null || current.victim != null) {
					current = start(events, line);
				}
			}
			else if (c == '[' && message.length() > 3 && (m = TASK_ROW.matcher(message)).find()) {
				if (current == null) {
					current = start(events, line);
				}
				OomEvent.Task task = task(Long.parseLong(m.group(1)), m.group(2), (columns != null) ? columns : DEFAULT_COLUMNS);
				if (task != null) {
					current.tasks.add(task);
				}
			}
			else if (current != null && c == 'T' && (m = TASK_IN.matcher(message)).find()) {
				current.memcg = true;
				current.cgroupTask = m.group(1);
				current.cgroupPath = m.group(2);
			}
			else if (current != null && c == 'm' && (m = CG_USAGE.matcher(message)).find()) {
				current.cgroupUsage = kib(m.group(1));
				current.cgroupLimit = kib(m.group(2));
			}
			else if (current != null && c >= '0' && c <= '9' && (m = PAGES_RAM.matcher(message)).find()) {
				current.ramBytes = Math.multiplyExact(Long.parseLong(m.group(1)), PAGE);
			}
			else if (current != null && (c == 'T' || c == 'F') && (m = SWAP.matcher(message)).find()) {
				if (m.group(1).equals("Total")) {
					current.totalSwap = kib(m.group(2));
				}
				else {
					current.freeSwap = kib(m.group(2));
				}
			}
			else if (message.length() >= 8 && LOOKS_LIKE_OOM.matcher(message).find()) {
				unread.add(new OomLogAnalysis.UnreadLine(line.line(), message));
			}
		}
		return current;
	}

	private static OomEventBuilder start(LastEvents events, LogLine line) {
		return events.start(line);
	}

	private static OomEvent.Trigger trigger(String comm, String rest) {
		return new OomEvent.Trigger(comm.strip(), find(rest, "gfp_mask=(0x[0-9a-fA-F]+)"), integer(find(rest, "order=(-?\\d+)")),
				integer(find(rest, "oom_score_adj=(-?\\d+)")));
	}

	/** {@code pid (comm) total-vm:NkB, anon-rss:NkB, ...} in every spelling the corpus shows. */
	private static OomEvent.Victim victim(long pid, String rest) {
		String comm = find(rest, "\\(([^)]*)\\)");
		return new OomEvent.Victim(pid, comm, number(find(rest, "(?i)UID[: ]\\s*(\\d+)")), kibOrNull(find(rest, "(?i)total-vm:\\s*(\\d+)")),
				kibOrNull(find(rest, "(?i)anon-rss:\\s*(\\d+)")), kibOrNull(find(rest, "(?i)file-rss:\\s*(\\d+)")),
				kibOrNull(find(rest, "(?i)shmem-rss:\\s*(\\d+)")), kibOrNull(find(rest, "(?i)pgtables:\\s*(\\d+)")),
				integer(find(rest, "oom_score_adj:\\s*(-?\\d+)")), null);
	}

	private static OomEvent.Task task(long pid, String rest, List<String> columns) {
		String[] tokens = rest.trim().split("\\s+");
		int numeric = columns.size() - 1; // the last column is the name
		if (tokens.length < numeric + 1) {
			return null;
		}
		Map<String, Long> values = new LinkedHashMap<>();
		for (int i = 0; i < numeric; i++) {
			try {
				values.put(columns.get(i), Long.parseLong(tokens[i]));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		String name = String.join(" ", Arrays.copyOfRange(tokens, numeric, tokens.length));
		long rssPages = values.getOrDefault("rss", -1L);
		if (rssPages < 0 || rssPages > Long.MAX_VALUE / PAGE) {
			return null;
		}
		Long rss = values.get("rss");
		if (rss == null) {
			return null;
		}
		Long pagetables = values.containsKey("pgtables_bytes") ? values.get("pgtables_bytes")
				: values.containsKey("nr_ptes") ? Math.multiplyExact(values.get("nr_ptes"), PAGE) : null;
		Long swap = values.containsKey("swapents") ? Math.multiplyExact(values.get("swapents"), PAGE) : null;
		Long adj = values.get("oom_score_adj");
		return new OomEvent.Task(pid, values.get("uid"), values.get("tgid"), name, rss * PAGE, swap, pagetables, (adj != null) ? adj.intValue() : null);
	}

	private static Map<String, String> keyValues(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String part : text.split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
			}
			else if (!part.isBlank()) {
				values.put(part.strip(), "");
			}
		}
		return values;
	}

	static String find(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? m.group(1) : null;
	}

	private static Integer integer(String text) {
		return (text != null) ? Integer.valueOf(text) : null;
	}

	private static Long number(String text) {
		return (text != null) ? Long.valueOf(text) : null;
	}

	private static long kib(String text) {
		return Math.multiplyExact(Long.parseLong(text), 1024L);
	}

	private static Long kibOrNull(String text) {
		return (text != null) ? kib(text) : null;
	}

}
