package dev.memplan.oom;

import java.util.List;

/**
 * The OOM killer's view of a process table.
 *
 * @param totalPages the pages the points are measured against (RAM + swap, or the cgroup's limit)
 * @param ranked killable processes, highest points first; the first is the victim
 * @param unkillable processes the killer skips (oom_score_adj -1000, PID 1)
 */
public record OomRanking(long totalPages, List<Scored> ranked, List<HostProcess> unkillable) {

	/** @param oomScore /proc/PID/oom_score as a 5.9+ kernel shows it (0..2000) */
	public record Scored(HostProcess process, long points, long oomScore) {
	}

	public Scored victim() {
		return this.ranked.isEmpty() ? null : this.ranked.get(0);
	}

	/** 1-based rank of the first process with this name, or 0 when it is not killable. */
	public int rankOf(String name) {
		for (int i = 0; i < this.ranked.size(); i++) {
			if (this.ranked.get(i).process().name().equals(name)) {
				return i + 1;
			}
		}
		return 0;
	}

}
