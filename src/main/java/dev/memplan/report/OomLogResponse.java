package dev.memplan.report;

import java.util.List;

import dev.memplan.oom.Incident;
import dev.memplan.oom.OomDiagnosis;
import dev.memplan.oom.OomEvent;
import dev.memplan.oom.OomLogAnalysis;

/**
 * {@code POST /api/v1/oom-log}'s JSON: what a kernel log says, field for field as the analysis
 * has it, so that the domain records can change without changing the API. {@code events} are the
 * last ones of the log (the reader keeps 200); {@code eventsLeftOut} counts the earlier ones.
 */
public record OomLogResponse(Story story, List<Event> events, int eventsLeftOut, List<KilledProcess> killedProcesses, List<RestartLoop> restartLoops,
		Timeline timeline, List<UnreadLine> unreadLines) {

	public static OomLogResponse of(OomLogAnalysis analysis) {
		Incident incident = analysis.incident();
		Incident.Story s = (incident != null) ? incident.story() : null;
		return new OomLogResponse(
				(s != null) ? new Story(s.code(), s.message(), s.program(), s.kills(), s.restarts(), s.recoveries(), s.first(), s.last(),
						s.spanSeconds(), s.loop()) : null,
				java.util.stream.IntStream.range(0, analysis.events().size())
					.mapToObj((i) -> Event.of(analysis.events().get(i), analysis.diagnoses().get(i))).toList(),
				analysis.eventsLeftOut(),
				analysis.killedProcesses().stream()
					.map((p) -> new KilledProcess(p.comm(), p.pid(), p.killedPids(), p.lines(), p.time(), p.uptimeSeconds()))
					.toList(),
				analysis.restartLoops().stream().map((l) -> new RestartLoop(l.comm(), l.kills(), l.spanSeconds(), l.evidence())).toList(),
				Timeline.of(incident), analysis.unreadLines().stream().map((l) -> new UnreadLine(l.line(), l.text())).toList());
	}

	/**
	 * One kill. Fields the log did not carry are null ({@code constraint} too: a global kill
	 * before kernel 5.0 does not name it); {@code largestOtherTask} is the largest process that
	 * was not the victim, {@code databaseTask} the mysqld/mariadbd row of the task table.
	 */
	public record Event(int line, String time, Double uptimeSeconds, Trigger trigger, String constraint, Cgroup cgroup,
			Victim victim, List<Task> tasks, Long ramBytes, Long totalSwapBytes, Long freeSwapBytes, Reaped reaped,
			Task largestOtherTask, Task databaseTask, Diagnosis diagnosis) {

		static Event of(OomEvent e, OomDiagnosis d) {
			OomEvent.Trigger t = e.trigger();
			OomEvent.Cgroup c = e.cgroup();
			OomEvent.Victim v = e.victim();
			OomEvent.Reaped r = e.reaped();
			return new Event(e.line(), e.time(), e.uptimeSeconds(),
					(t != null) ? new Trigger(t.comm(), t.gfpMask(), t.order(), t.oomScoreAdj()) : null, e.constraint(),
					(c != null) ? new Cgroup(c.path(), c.taskPath(), c.limitBytes(), c.usageBytes()) : null,
					(v != null) ? new Victim(v.pid(), v.comm(), v.uid(), v.totalVmBytes(), v.anonRssBytes(), v.fileRssBytes(),
							v.shmemRssBytes(), v.pagetablesBytes(), v.oomScoreAdj(), v.score()) : null,
					e.tasks().stream().map(Task::of).toList(), e.ramBytes(), e.totalSwapBytes(), e.freeSwapBytes(),
					(r != null) ? new Reaped(r.pid(), r.comm(), r.anonRssBytes(), r.fileRssBytes(), r.shmemRssBytes()) : null,
					Task.of(e.largestOtherTask()), Task.of(e.databaseRow()),
					(d != null) ? new Diagnosis(d.code(), d.args(), d.message()) : null);
		}

	}

	/** Who grew and whether the database was the cause or only the victim; {@code args} null where not logged. */
	public record Diagnosis(String code, List<String> args, String message) {
	}

	public record Trigger(String comm, String gfpMask, Integer order, Integer oomScoreAdj) {
	}

	public record Cgroup(String path, String taskPath, Long limitBytes, Long usageBytes) {
	}

	public record Victim(long pid, String comm, Long uid, Long totalVmBytes, Long anonRssBytes, Long fileRssBytes,
			Long shmemRssBytes, Long pagetablesBytes, Integer oomScoreAdj, Integer score) {
	}

	public record Task(long pid, Long uid, Long tgid, String name, long residentBytes, Long swapBytes, Long pagetableBytes,
			Integer oomScoreAdj) {

		static Task of(OomEvent.Task t) {
			return (t != null)
					? new Task(t.pid(), t.uid(), t.tgid(), t.name(), t.residentBytes(), t.swapBytes(), t.pagetableBytes(), t.oomScoreAdj())
					: null;
		}

	}

	public record Reaped(long pid, String comm, long anonRssBytes, long fileRssBytes, long shmemRssBytes) {
	}

	/** A process the kills hit; {@code killedPids} has more than one pid when a thread of it was named too. */
	public record KilledProcess(String comm, long pid, List<Long> killedPids, List<Integer> lines, String time,
			Double uptimeSeconds) {
	}

	/** {@code evidence}: KERNEL_LOG (different processes killed tens of seconds apart) or SERVER_LOG (restarts logged). */
	public record RestartLoop(String comm, int kills, Double spanSeconds, String evidence) {
	}

	public record UnreadLine(int line, String text) {
	}

	/** The incident in one sentence: {@code code} names the wording, {@code message} is the English. */
	public record Story(String code, String message, String program, int kills, int restarts, int recoveries, String first,
			String last, Double spanSeconds, boolean restartLoop) {
	}

	/**
	 * The kernel's kills and the server's lines on one clock; {@code clock}: SAME, SHIFTED (by
	 * {@code shiftMinutes}), ANCHORED (dmesg uptimes placed by the first exit) or NONE.
	 */
	public record Timeline(String clock, Integer shiftMinutes, int serverLines, boolean cut, List<Entry> entries) {

		static Timeline of(Incident incident) {
			return (incident != null) ? new Timeline(incident.clock(), incident.shiftMinutes(), incident.serverLines(), incident.cut(),
					incident.timeline().stream().map((e) -> new Entry(e.kind().name(), e.time(), e.estimated(), e.uptimeSeconds(),
							e.program(), e.pid(), e.counter(), e.input(), e.line(), e.text())).toList()) : null;
		}

	}

	/** {@code kind}: OOM_KILL, KILLED, ENDED, RESTART, START, RECOVERY, READY, SHUTDOWN; {@code input}: log or serverLog. */
	public record Entry(String kind, String time, boolean estimated, Double uptimeSeconds, String program, Long pid, Integer counter,
			String input, int line, String text) {
	}

}
