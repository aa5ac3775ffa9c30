package dev.memplan.oom;

import java.util.List;

/**
 * One OOM kill as the kernel logged it. Fields the log did not carry are null.
 *
 * @param line where the event starts in the paste
 * @param trigger the task whose allocation failed ({@code comm invoked oom-killer})
 * @param constraint CONSTRAINT_NONE (global), CONSTRAINT_MEMCG, ...
 * @param cgroup the memory cgroup when the limit was a cgroup's
 * @param tasks the task table, largest resident first
 * @param ramBytes from "N pages RAM"; swap from "Total swap" / "Free swap"
 * @param largestOtherTask the largest resident task that is not the victim (nor a thread of it): who grew
 */
public record OomEvent(int line, String time, Double uptimeSeconds, Trigger trigger, String constraint, Cgroup cgroup,
		Victim victim, List<Task> tasks, Long ramBytes, Long totalSwapBytes, Long freeSwapBytes, Reaped reaped,
		Task largestOtherTask) {

	public record Trigger(String comm, String gfpMask, Integer order, Integer oomScoreAdj) {
	}

	public record Cgroup(String path, String taskPath, Long limitBytes, Long usageBytes) {
	}

	/** Sizes in bytes (the log prints kB). */
	public record Victim(long pid, String comm, Long uid, Long totalVmBytes, Long anonRssBytes, Long fileRssBytes,
			Long shmemRssBytes, Long pagetablesBytes, Integer oomScoreAdj, Integer score) {

		public Long residentBytes() {
			if (this.anonRssBytes == null) {
				return null;
			}
			return this.anonRssBytes + orZero(this.fileRssBytes) + orZero(this.shmemRssBytes);
		}

		private static long orZero(Long value) {
			return (value != null) ? value : 0;
		}

	}

	/**
	 * A task table row; pages converted to bytes.
	 *
	 * @param tgid the thread group (the process) the row belongs to: a thread's row carries its process's pid
	 */
	public record Task(long pid, Long uid, Long tgid, String name, long residentBytes, Long swapBytes, Long pagetableBytes,
			Integer oomScoreAdj) {
	}

	/** The task table's row for the victim's pid, or null. */
	public Task victimRow() {
		if (this.victim == null) {
			return null;
		}
		return this.tasks.stream().filter((t) -> t.pid() == this.victim.pid()).findFirst().orElse(null);
	}

	/** The database server's row in the task table (mysqld, mariadbd; the largest when there are several), or null. */
	public Task databaseRow() {
		return this.tasks.stream().filter((t) -> Databases.isServer(t.name())).findFirst().orElse(null);
	}

	/** The process (thread group) the victim belongs to: its row's tgid, else its pid; null without a victim. */
	public Long victimProcess() {
		if (this.victim == null) {
			return null;
		}
		Task row = victimRow();
		return (row != null && row.tgid() != null && row.tgid() > 0) ? row.tgid() : this.victim.pid();
	}

	public record Reaped(long pid, String comm, long anonRssBytes, long fileRssBytes, long shmemRssBytes) {
	}

}
