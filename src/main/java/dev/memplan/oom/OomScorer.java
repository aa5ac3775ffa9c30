package dev.memplan.oom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The badness of today's kernels (5.9+; same ranking rule since 3.5), integer arithmetic exactly
 * as mm/oom_kill.c does it (docs/oom.md#badness):
 * {@code points = rss + swap + pagetables/PAGE_SIZE + oom_score_adj * (totalpages / 1000)}.
 */
public final class OomScorer {

	private static final long PAGE = OomLogParser.PAGE;

	/** System OOM: every process competes against RAM + swap. */
	public OomRanking rank(List<HostProcess> processes, long ramBytes, long swapBytes) {
		return rank(processes, (ramBytes + swapBytes) / PAGE);
	}

	/**
	 * Memory-cgroup OOM: only the cgroup's processes compete, against its limit (plus its swap
	 * allowance, capped at the host's swap, when swappiness is not 0).
	 */
	public OomRanking rankInCgroup(List<HostProcess> cgroupProcesses, long limitBytes, long swapAllowanceBytes) {
		return rank(cgroupProcesses, (limitBytes + swapAllowanceBytes) / PAGE);
	}

	OomRanking rank(List<HostProcess> processes, long totalPages) {
		List<OomRanking.Scored> scored = new ArrayList<>();
		List<HostProcess> unkillable = new ArrayList<>();
		for (HostProcess process : processes) {
			if (process.oomScoreAdj() == -1000 || process.pid() == 1) {
				unkillable.add(process);
				continue;
			}
			long points = points(process, totalPages);
			scored.add(new OomRanking.Scored(process, points, oomScore(points, totalPages)));
		}
		// highest points first; on a tie the kernel (5.3+) keeps the task scanned last
		List<OomRanking.Scored> ranked = new ArrayList<>(scored);
		Collections.reverse(ranked);
		ranked.sort(Comparator.comparingLong(OomRanking.Scored::points).reversed());
		return new OomRanking(totalPages, List.copyOf(ranked), List.copyOf(unkillable));
	}

	static long points(HostProcess process, long totalPages) {
		long points = process.residentBytes() / PAGE + process.swapBytes() / PAGE + process.pagetableBytes() / PAGE;
		return points + (long) process.oomScoreAdj() * (totalPages / 1000);
	}

	/** /proc/PID/oom_score on 5.9+: (1000 + points × 1000 / totalpages) × 2 / 3, kept within 0..2000. */
	static long oomScore(long points, long totalPages) {
		if (totalPages <= 0) {
			return 0;
		}
		long score = (1000 + points * 1000 / totalPages) * 2 / 3;
		return Math.max(0, Math.min(2000, score));
	}

}
