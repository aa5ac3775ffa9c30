package dev.memplan.report;

import java.util.List;

import dev.memplan.oom.OomEvent;
import dev.memplan.oom.OomLogAnalysis;

/**
 * {@code POST /api/v1/oom-log}'s JSON: what a kernel log says, field for field as the analysis
 * has it, so that the domain records can change without changing the API.
 */
public record OomLogResponse(List<Event> events, List<KilledProcess> killedProcesses, List<RestartLoop> restartLoops,
		List<UnreadLine> unreadLines) {

	public static OomLogResponse of(OomLogAnalysis analysis) {
		return new OomLogResponse(analysis.events().stream().map(Event::of).toList(),
				analysis.killedProcesses().stream()
					.map((p) -> new KilledProcess(p.comm(), p.pid(), p.killedPids(), p.lines(), p.time(), p.uptimeSeconds()))
					.toList(),
				analysis.restartLoops().stream().map((l) -> new RestartLoop(l.comm(), l.kills(), l.spanSeconds(), l.evidence())).toList(),
				analysis.unreadLines().stream().map((l) -> new UnreadLine(l.line(), l.text())).toList());
	}

	public record Event(int line, String time, Double uptimeSeconds, Trigger trigger, String constraint, Cgroup cgroup,
			Victim victim, List<Task> tasks, Long ramBytes, Long totalSwapBytes, Long freeSwapBytes, Reaped reaped,
			Task largestOtherTask) {

		static Event of(OomEvent e) {
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
					Task.of(e.largestOtherTask()));
		}

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

}
