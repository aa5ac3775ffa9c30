package dev.memplan.oom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Collects one event's lines; {@link #build()} settles the victim from whatever the log carried. */
final class OomEventBuilder {

	final LogLine start;

	OomEvent.Trigger trigger;

	Map<String, String> summary;

	long[] decision;

	String decisionComm;

	OomEvent.Victim victim;

	boolean memcg;

	String cgroupPath;

	String cgroupTask;

	Long cgroupLimit;

	Long cgroupUsage;

	final List<OomEvent.Task> tasks = new ArrayList<>();

	Long ramBytes;

	Long totalSwap;

	Long freeSwap;

	OomEvent.Reaped reaped;

	OomEventBuilder(LogLine start) {
		this.start = start;
	}

	OomEvent build() {
		OomEvent.Victim resolved = resolveVictim();
		// only what the log says: a memory cgroup's kill says so; a global one without the 5.0+ summary line does not name it
		String constraint = (this.summary != null && this.summary.containsKey("constraint")) ? this.summary.get("constraint")
				: this.memcg ? "CONSTRAINT_MEMCG" : null;
		String cgroupPath = (this.summary != null) ? this.summary.getOrDefault("oom_memcg", this.cgroupPath) : this.cgroupPath;
		String taskPath = (this.summary != null) ? this.summary.getOrDefault("task_memcg", this.cgroupTask) : this.cgroupTask;
		OomEvent.Cgroup cgroup = (cgroupPath != null || this.cgroupLimit != null || "CONSTRAINT_MEMCG".equals(constraint))
				? new OomEvent.Cgroup(cgroupPath, taskPath, this.cgroupLimit, this.cgroupUsage) : null;
		List<OomEvent.Task> ranked = this.tasks.stream()
			.sorted(Comparator.comparingLong(OomEvent.Task::residentBytes).reversed()).toList();
		// who grew: the largest task that is not the victim nor one of its threads
		Long victimPid = (resolved != null) ? resolved.pid() : null;
		Long victimTgid = (victimPid != null) ? this.tasks.stream().filter((t) -> t.pid() == victimPid && t.tgid() != null)
			.map(OomEvent.Task::tgid).findFirst().orElse(victimPid) : null;
		OomEvent.Task other = ranked.stream()
			.filter((task) -> victimPid == null || (task.pid() != victimPid && task.pid() != victimTgid
					&& (task.tgid() == null || (!task.tgid().equals(victimPid) && !task.tgid().equals(victimTgid)))))
			.findFirst().orElse(null);
		return new OomEvent(this.start.line(), this.start.time(), this.start.uptimeSeconds(), this.trigger, constraint, cgroup,
				resolved, ranked, this.ramBytes, this.totalSwap, this.freeSwap, this.reaped, other);
	}

	private OomEvent.Victim resolveVictim() {
		Integer score = (this.decision != null) ? (int) this.decision[1] : null;
		if (this.victim != null) {
			OomEvent.Victim v = this.victim;
			String comm = (v.comm() != null) ? v.comm() : this.decisionComm;
			return new OomEvent.Victim(v.pid(), comm, (v.uid() != null) ? v.uid() : uidFromSummary(), v.totalVmBytes(),
					v.anonRssBytes(), v.fileRssBytes(), v.shmemRssBytes(), v.pagetablesBytes(), v.oomScoreAdj(), score);
		}
		Long summaryPid = (this.summary != null) ? digits(this.summary.get("pid")) : null;
		if (summaryPid != null) {
			long pid = summaryPid;
			OomEvent.Task row = this.tasks.stream().filter((t) -> t.pid() == pid).findFirst().orElse(null);
			return new OomEvent.Victim(pid, this.summary.get("task"), uidFromSummary(), null,
					(row != null) ? row.residentBytes() : null, null, null, (row != null) ? row.pagetableBytes() : null,
					(row != null) ? row.oomScoreAdj() : null, score);
		}
		if (this.decision != null) {
			return new OomEvent.Victim(this.decision[0], this.decisionComm, null, null, null, null, null, null, null, score);
		}
		return null;
	}

	private Long uidFromSummary() {
		return (this.summary != null) ? digits(this.summary.get("uid")) : null;
	}

	/** The first number of a summary field ("pid= 2953 " in a garbled paste), or null when there is none or it is too long. */
	private static Long digits(String text) {
		if (text == null) {
			return null;
		}
		String digits = OomLogParser.find(text, "(\\d+)");
		return (digits == null || digits.length() > 18) ? null : Long.valueOf(digits);
	}

}

