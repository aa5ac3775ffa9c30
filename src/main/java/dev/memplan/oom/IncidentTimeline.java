package dev.memplan.oom;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Puts the kernel's kills and the server's own lines on one clock and tells what happened
 * (docs/oom.md#timeline).
 */
final class IncidentTimeline {

	/** Entries kept for the page and the API; the story is told from all of them. */
	static final int MAX_ENTRIES = 500;

	/** A server-side exit or restart this close after a kill belongs to that kill. */
	static final double SAME_INCIDENT_SECONDS = 120;

	private static final DateTimeFormatter WITH_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final DateTimeFormatter WITHOUT_YEAR = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH);

	/** An entry while it is built: its comparable time (null when unknown) and its order in the pastes. */
	private static final class Item {

		final Incident.Kind kind;

		final String input;

		final int line;

		LocalDateTime at;

		final LogTime stamp;

		final Double uptime;

		boolean estimated;

		final String program;

		final Long pid;

		final Integer counter;

		final String text;

		final int order;

		Item(Incident.Kind kind, String input, int line, LogTime stamp, Double uptime, String program, Long pid, Integer counter,
				String text, int order) {
			this.kind = kind;
			this.input = input;
			this.line = line;
			this.stamp = stamp;
			this.uptime = uptime;
			this.program = program;
			this.pid = pid;
			this.counter = counter;
			this.text = text;
			this.order = order;
		}

		boolean kernel() {
			return this.kind == Incident.Kind.OOM_KILL;
		}

	}

	private IncidentTimeline() {
	}

	static Incident build(OomLogAnalysis kernel, List<ServerLogEvent> server, int serverLines) {
		List<Item> items = new ArrayList<>();
		int order = 0;
		java.util.Map<Integer, OomEvent> byLine = new java.util.HashMap<>();
		for (OomEvent e : kernel.events()) {
			if (e.victim() != null) {
				byLine.putIfAbsent(e.line(), e);
			}
		}
		for (OomLogAnalysis.KilledProcess process : kernel.killedProcesses()) {
			OomEvent event = byLine.get(process.lines().get(0));
			String text = "Killed process " + process.pid() + " (" + process.comm() + ")"
					+ ((event != null && event.victim().residentBytes() != null)
							? ", resident " + dev.memplan.core.ByteSize.formatApproximate(event.victim().residentBytes()) : "");
			items.add(new Item(Incident.Kind.OOM_KILL, "log", process.lines().get(0), LogTime.parse(process.time()),
					process.uptimeSeconds(), process.comm(), process.pid(), null, text, order++));
		}
		String serverProgram = null;
		for (ServerLogEvent e : server) {
			items.add(new Item(Incident.Kind.valueOf(e.kind().name()), e.input(), e.line(), e.time(), null, null, e.pid(), e.counter(),
					e.text(), order++));
			if (serverProgram == null && e.text().contains("mariadbd")) {
				serverProgram = "mariadbd";
			}
		}
		String program = databaseProgram(kernel, serverProgram);
		Integer year = year(items);
		String clock = place(items, year);
		Integer shift = null;
		if (clock.startsWith("SHIFTED:")) {
			shift = Integer.valueOf(clock.substring("SHIFTED:".length()));
			clock = "SHIFTED";
		}
		sort(items, clock);
		List<Item> merged = merge(items);
		Incident.Story story = story(merged, kernel, program, serverLines > 0, year);
		List<Incident.Entry> entries = new ArrayList<>();
		for (Item item : merged.subList(0, Math.min(MAX_ENTRIES, merged.size()))) {
			entries.add(new Incident.Entry(item.kind, item.input, item.line, display(item, year), item.uptime, item.estimated,
					item.kernel() ? item.program : program, item.pid, item.counter, item.text));
		}
		return new Incident(entries, merged.size() > MAX_ENTRIES, serverLines, clock, shift, story);
	}

	/** mysqld or mariadbd: the name the kills use, else what the server's log says. */
	private static String databaseProgram(OomLogAnalysis kernel, String serverProgram) {
		for (OomLogAnalysis.KilledProcess p : kernel.killedProcesses()) {
			if (Databases.isServer(p.comm())) {
				return p.comm();
			}
		}
		return (serverProgram != null) ? serverProgram : "mysqld";
	}

	private static Integer year(List<Item> items) {
		for (Item item : items) {
			if (item.stamp != null && item.stamp.hasYear()) {
				return item.stamp.local().getYear();
			}
		}
		return null;
	}

	/**
	 * Gives each entry a comparable time. Returns the clock: SAME, SHIFTED:minutes, ANCHORED or NONE.
	 */
	private static String place(List<Item> items, Integer year) {
		boolean allOffsets = items.stream().allMatch((i) -> i.stamp != null && i.stamp.offset() != null);
		for (Item item : items) {
			if (item.stamp != null) {
				item.at = allOffsets ? item.stamp.local().atOffset(item.stamp.offset()).withOffsetSameInstant(ZoneOffset.UTC)
					.toLocalDateTime() : item.stamp.inYear(year);
			}
		}
		boolean anyTime = items.stream().anyMatch((i) -> i.at != null);
		Item kill = items.stream().filter((i) -> i.kernel() && Databases.isServer(i.program)).findFirst()
			.orElse(items.stream().filter(Item::kernel).findFirst().orElse(null));
		if (kill == null) {
			return anyTime ? "SAME" : "NONE";
		}
		if (kill.at == null) {
			Item down = firstServer(items);
			if (kill.uptime == null || down == null) {
				return anyTime ? "SAME" : "NONE";
			}
			// dmesg without wall-clock times: the first kill is placed at the server's first exit (or restart)
			LocalDateTime boot = down.at.minusNanos(Math.round(kill.uptime * 1e9));
			for (Item item : items) {
				if (item.kernel() && item.uptime != null && item.at == null) {
					item.at = boot.plusNanos(Math.round(item.uptime * 1e9));
					item.estimated = true;
				}
			}
			return "ANCHORED";
		}
		if (allOffsets || kill.stamp == null || kill.stamp.offset() != null) {
			return "SAME";
		}
		// MySQL 5.7+ logs UTC ("…Z") while syslog prints local time: a whole number of quarter hours apart.
		// The shift that puts a server sign (exit, restart, start, recovery) just after the most kills wins.
		List<Item> kills = items.stream().filter((i) -> i.kernel() && i.at != null).limit(100).toList();
		List<Item> signs = items.stream()
			.filter((i) -> !i.kernel() && i.at != null && i.stamp != null && i.stamp.offset() != null && i.kind != Incident.Kind.READY)
			.limit(200).toList();
		if (signs.isEmpty()) {
			return "SAME";
		}
		java.util.TreeSet<Long> candidates = new java.util.TreeSet<>();
		for (Item sign : signs) {
			for (Item k : kills.subList(0, Math.min(10, kills.size()))) {
				double delta = RestartLoops.seconds(k.at, sign.at);
				long quarters = Math.round(delta / 900.0);
				double rest = delta - quarters * 900.0;
				if (quarters != 0 && Math.abs(quarters) <= 14 * 4 && rest >= -5 && rest <= SAME_INCIDENT_SECONDS) {
					candidates.add(quarters);
				}
			}
		}
		long best = 0;
		int bestScore = matched(kills, signs, 0);
		for (long quarters : candidates) {
			int score = matched(kills, signs, quarters);
			if (score > bestScore || (score == bestScore && best != 0 && Math.abs(quarters) < Math.abs(best))) {
				best = quarters;
				bestScore = score;
			}
		}
		if (best == 0) {
			return "SAME";
		}
		for (Item item : items) {
			if (!item.kernel() && item.at != null && item.stamp != null && item.stamp.offset() != null) {
				item.at = item.at.minusMinutes(best * 15);
			}
		}
		return "SHIFTED:" + (-best * 15);
	}

	/** How many kills have a server sign within two minutes after them when the server's clock is moved by quarters × 15 min. */
	private static int matched(List<Item> kills, List<Item> signs, long quarters) {
		int count = 0;
		for (Item k : kills) {
			for (Item sign : signs) {
				double delta = RestartLoops.seconds(k.at, sign.at) - quarters * 900.0;
				if (delta >= -5 && delta <= SAME_INCIDENT_SECONDS) {
					count++;
					break;
				}
			}
		}
		return count;
	}

	/** The server's first sign of the kill with a time: an exit, else a restart, else a start. */
	private static Item firstServer(List<Item> items) {
		for (List<Incident.Kind> kinds : List.of(List.of(Incident.Kind.KILLED, Incident.Kind.ENDED), List.of(Incident.Kind.RESTART),
				List.of(Incident.Kind.START, Incident.Kind.RECOVERY))) {
			for (Item item : items) {
				if (kinds.contains(item.kind) && item.at != null) {
					return item;
				}
			}
		}
		return null;
	}

	/** Time order; an entry without a time keeps its place after the previous entry of its own paste. */
	private static void sort(List<Item> items, String clock) {
		if (clock.equals("NONE")) {
			return;
		}
		LocalDateTime[] keys = new LocalDateTime[items.size()];
		LocalDateTime lastKernel = LocalDateTime.MIN;
		LocalDateTime lastServer = LocalDateTime.MIN;
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			LocalDateTime previous = item.kernel() ? lastKernel : lastServer;
			keys[i] = (item.at != null) ? item.at : previous;
			if (item.kernel()) {
				lastKernel = keys[i];
			}
			else {
				lastServer = keys[i];
			}
		}
		List<Integer> index = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			index.add(i);
		}
		// a kill before the server lines of the same second: the kill comes first
		index.sort(Comparator.<Integer, LocalDateTime>comparing((i) -> keys[i]).thenComparing((i) -> items.get(i).kernel() ? 0 : 1)
			.thenComparing((i) -> items.get(i).order));
		List<Item> sorted = index.stream().map(items::get).toList();
		items.clear();
		items.addAll(sorted);
	}

	/** systemd's two lines for one kill are one entry; so are the recovery lines of one start. */
	private static List<Item> merge(List<Item> items) {
		List<Item> merged = new ArrayList<>();
		for (Item item : items) {
			Item last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.kind == item.kind && (item.kind == Incident.Kind.RECOVERY || item.kind == Incident.Kind.KILLED)) {
				continue;
			}
			merged.add(item);
		}
		return merged;
	}

	private static Incident.Story story(List<Item> items, OomLogAnalysis kernel, String program, boolean serverLog, Integer year) {
		int kills = 0;
		int sigkills = 0;
		int restarts = 0;
		int recoveries = 0;
		boolean down = false;
		boolean cleanStop = false;
		boolean restartedAfterKill = false;
		boolean loop = false;
		Item firstKill = null;
		Item lastKill = null;
		for (Item item : items) {
			switch (item.kind) {
				case OOM_KILL -> {
					if (!Databases.isServer(item.program)) {
						continue;
					}
					kills++;
					loop |= restartedAfterKill;
					firstKill = (firstKill != null) ? firstKill : item;
					lastKill = item;
					down = true;
					cleanStop = false;
				}
				case KILLED, ENDED -> {
					if (cleanStop) {
						cleanStop = false;
						continue;
					}
					if (!down) {
						if (item.kind == Incident.Kind.KILLED) {
							sigkills++;
							loop |= restartedAfterKill;
						}
						down = true;
					}
				}
				case SHUTDOWN -> cleanStop = true;
				case RESTART, START -> {
					if (down) {
						restarts++;
						restartedAfterKill = true;
						down = false;
					}
				}
				case RECOVERY -> {
					recoveries++;
					if (!restartedAfterKill && kills == 0 && sigkills == 0) {
						restarts++; // crash recovery proves a crash before this paste
					}
				}
				default -> {
				}
			}
		}
		OomLogAnalysis.RestartLoop kernelLoop = kernel.restartLoops().stream().filter((l) -> l.comm().equals(program)).findFirst()
			.orElse(null);
		loop |= kernelLoop != null;
		Double span = (firstKill != null && lastKill != null && firstKill != lastKill && firstKill.at != null && lastKill.at != null)
				? Double.valueOf(RestartLoops.seconds(firstKill.at, lastKill.at)) : (kernelLoop != null) ? kernelLoop.spanSeconds() : null;
		String code;
		if (kills > 0) {
			code = loop ? "LOOP" : !serverLog ? "KILLED_NO_SERVER_LOG" : (restarts > 0) ? "KILLED_RESTARTED" : "KILLED_NOT_RESTARTED";
		}
		else if (sigkills > 0) {
			code = "SIGKILL_NO_OOM";
		}
		else if (restarts > 0 || recoveries > 0) {
			code = "RESTARTS_NO_KILL";
		}
		else {
			return null;
		}
		Item first = (firstKill != null) ? firstKill : items.stream().filter((i) -> i.kind != Incident.Kind.OOM_KILL).findFirst().orElse(null);
		String firstTime = (first != null && display(first, year) != null) ? display(first, year) : "—";
		String lastTime = (lastKill != null && display(lastKill, year) != null) ? display(lastKill, year) : firstTime;
		int count = (kills > 0) ? kills : sigkills;
		return new Incident.Story(code, program, count, restarts, recoveries, firstTime, lastTime, span, loop,
				english(code, program, count, restarts, recoveries, firstTime, lastTime, span));
	}

	private static String display(Item item, Integer year) {
		if (item.at == null || item.at.equals(LocalDateTime.MIN)) {
			// dmesg's own notation, the same in every language; null when the line has no time at all
			return (item.uptime != null) ? String.format(Locale.ROOT, "[%.6f]", item.uptime) : null;
		}
		// a syslog stamp prints no year; an anchored dmesg time has the year of the line it was anchored to
		boolean hasYear = year != null || (item.stamp != null && item.stamp.hasYear());
		String text = (hasYear ? WITH_YEAR : WITHOUT_YEAR).format(item.at);
		return item.estimated ? "≈ " + text : text;
	}

	/** A duration as people say it: 95 s, 5 min 33 s, 2 h 14 min, 3 d 4 h. */
	static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s < 120) {
			return s + " s";
		}
		if (s < 3600) {
			return (s / 60) + " min" + ((s % 60 != 0) ? " " + (s % 60) + " s" : "");
		}
		if (s < 86400) {
			return (s / 3600) + " h" + ((s % 3600) / 60 != 0 ? " " + ((s % 3600) / 60) + " min" : "");
		}
		return (s / 86400) + " d" + ((s % 86400) / 3600 != 0 ? " " + ((s % 86400) / 3600) + " h" : "");
	}

	private static String times(int n) {
		return (n == 1) ? "once" : n + " times";
	}

	private static String english(String code, String program, int kills, int restarts, int recoveries, String first, String last,
			Double span) {
		String recovered = (recoveries == 0) ? "no crash recovery logged" : "InnoDB crash recovery " + times(recoveries);
		return switch (code) {
			case "LOOP" -> program + " was killed by the OOM killer " + times(kills)
					+ ((span != null) ? " in " + duration(span) : "") + " (first at " + first + ", last at " + last + "); "
					+ ((restarts == 0) ? "the restarts are not in the pasted logs" : "restarted " + times(restarts)) + ", " + recovered
					+ ": a restart loop — it comes back, grows and is killed again.";
			case "KILLED_RESTARTED" -> program + " was killed by the OOM killer " + times(kills) + " (first at " + first
					+ "), restarted " + times(restarts) + " with " + recovered + ", and not killed again in these logs.";
			case "KILLED_NOT_RESTARTED" -> program + " was killed by the OOM killer " + times(kills) + " (last at " + last
					+ ") and the server's log shows no restart after it: the database may still be down.";
			case "KILLED_NO_SERVER_LOG" -> program + " was killed by the OOM killer " + times(kills) + " (first at " + first
					+ "); paste the server's error log or journalctl -u mysql (or mariadb) to see whether and how often it came back.";
			case "SIGKILL_NO_OOM" -> program + " was killed by signal 9 " + times(kills) + " (first at " + first + ") and restarted "
					+ times(restarts) + ", but the kernel log shows no OOM kill of it: paste dmesg or journalctl -k from that time.";
			default -> program + " restarted " + times(restarts) + " with " + recovered + " (first at " + first
					+ "), but no log shows a kill: paste the kernel log (dmesg, journalctl -k) from that time.";
		};
	}

}
