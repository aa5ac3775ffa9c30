package dev.memplan.oom;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which processes the kills hit, and whether the kernel log alone shows a restart loop
 * (docs/oom.md#restart-loops).
 * <p>
 * Two kill messages for one thread group are one process: when the first kill has not finished,
 * the kernel can pick a thread of the dying process in the same second and name the thread's pid;
 * the task table's {@code tgid} column says whose thread it is. A restart loop needs evidence:
 * different processes of the same program killed at least {@link #MIN_LOOP_SECONDS} apart (a
 * restart takes that long), within a day of each other and with the clock running forward (a
 * paste of several hosts or boots is not a loop), or restarts in the server's own log.
 */
final class RestartLoops {

	/** "Tens of seconds": two kills of different processes closer than this are one burst, not a restart. */
	static final double MIN_LOOP_SECONDS = 20;

	/** Kills further apart than this are separate incidents. */
	static final double MAX_LOOP_GAP_SECONDS = 24 * 3600;

	/** Kill messages for one thread group this close are the same kill. */
	static final double SAME_KILL_SECONDS = 60;

	private RestartLoops() {
	}

	/** The processes killed, in the order of the log, kill messages for threads of one process merged. */
	static List<OomLogAnalysis.KilledProcess> processes(List<OomEvent> events) {
		Integer year = yearOf(events);
		List<OomLogAnalysis.KilledProcess> processes = new ArrayList<>();
		List<OomEvent> firstKill = new ArrayList<>();
		for (OomEvent event : events) {
			if (event.victim() == null) {
				continue;
			}
			long process = event.victimProcess();
			int same = -1;
			for (int i = processes.size() - 1; i >= 0 && i >= processes.size() - 8; i--) {
				OomLogAnalysis.KilledProcess p = processes.get(i);
				Double gap = gap(firstKill.get(i), event, year);
				if (p.pid() == process && Objects.equals(p.comm(), event.victim().comm())
						&& (gap == null || Math.abs(gap) < SAME_KILL_SECONDS)) {
					same = i;
					break;
				}
			}
			if (same >= 0) {
				OomLogAnalysis.KilledProcess p = processes.get(same);
				List<Long> pids = new ArrayList<>(p.killedPids());
				if (!pids.contains(event.victim().pid())) {
					pids.add(event.victim().pid());
				}
				List<Integer> lines = new ArrayList<>(p.lines());
				lines.add(event.line());
				processes.set(same, new OomLogAnalysis.KilledProcess(p.comm(), p.pid(), List.copyOf(pids), List.copyOf(lines),
						p.time(), p.uptimeSeconds()));
			}
			else {
				processes.add(new OomLogAnalysis.KilledProcess(event.victim().comm(), process, List.of(event.victim().pid()),
						List.of(event.line()), event.time(), event.uptimeSeconds()));
				firstKill.add(event);
			}
		}
		return processes;
	}

	/** Restart loops the kernel log alone proves: see the class comment. */
	static List<OomLogAnalysis.RestartLoop> find(List<OomEvent> events) {
		Integer year = yearOf(events);
		List<OomLogAnalysis.KilledProcess> processes = processes(events);
		Map<Integer, OomEvent> byLine = new LinkedHashMap<>();
		for (OomEvent event : events) {
			byLine.putIfAbsent(event.line(), event);
		}
		Map<String, List<OomEvent>> byComm = new LinkedHashMap<>();
		for (OomLogAnalysis.KilledProcess process : processes) {
			if (process.comm() != null) {
				byComm.computeIfAbsent(process.comm(), (k) -> new ArrayList<>()).add(byLine.get(process.lines().get(0)));
			}
		}
		List<OomLogAnalysis.RestartLoop> loops = new ArrayList<>();
		byComm.forEach((comm, kills) -> {
			int start = 0;
			for (int i = 1; i <= kills.size(); i++) {
				Double gap = (i < kills.size()) ? gap(kills.get(i - 1), kills.get(i), year) : null;
				if (gap == null || gap < 0 || gap > MAX_LOOP_GAP_SECONDS) {
					// the chain start..i-1 ends here
					Double span = (i - 1 > start) ? gap(kills.get(start), kills.get(i - 1), year) : null;
					if (span != null && span >= MIN_LOOP_SECONDS) {
						loops.add(new OomLogAnalysis.RestartLoop(comm, i - start, span, OomLogAnalysis.RestartLoop.KERNEL_LOG));
					}
					start = i;
				}
			}
		});
		return loops;
	}

	/** Seconds from a to b: dmesg uptimes when both have them, else their timestamps; null when unknown. */
	static Double gap(OomEvent a, OomEvent b, Integer year) {
		if (a.uptimeSeconds() != null && b.uptimeSeconds() != null) {
			return b.uptimeSeconds() - a.uptimeSeconds();
		}
		LogTime ta = LogTime.parse(a.time());
		LogTime tb = LogTime.parse(b.time());
		if (ta == null || tb == null || ta.hasYear() != tb.hasYear()) {
			return null;
		}
		return seconds(ta.inYear(year), tb.inYear(year));
	}

	static double seconds(LocalDateTime from, LocalDateTime to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

	/** The year of the first stamp that prints one, for syslog stamps that do not. */
	static Integer yearOf(List<OomEvent> events) {
		for (OomEvent event : events) {
			LogTime time = LogTime.parse(event.time());
			if (time != null && time.hasYear()) {
				return time.local().getYear();
			}
		}
		return null;
	}

}
