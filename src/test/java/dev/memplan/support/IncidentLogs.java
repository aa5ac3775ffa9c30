package dev.memplan.support;

/** Kernel and server logs of OOM incidents, written in the formats the kernels and servers print (docs/oom.md). */
public final class IncidentLogs {

	/**
	 * A memory cgroup OOM (Docker, cgroup v1, kernel 4.15): the first kill names mysqld's main thread;
	 * 0.3 s later, before the process is gone, the kernel picks one of its threads (pid 3047, tgid
	 * 3012 in the task table) and logs a second "Killed process".
	 */
	public static final String THREAD_KILLED_TWICE = """
			[ 5120.101010] mysqld invoked oom-killer: gfp_mask=0x14000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=0
			[ 5120.101100] Task in /docker/4f1c2a killed as a result of limit of /docker/4f1c2a
			[ 5120.101120] memory: usage 1048576kB, limit 1048576kB, failcnt 4211
			[ 5120.101200] [ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
			[ 5120.101210] [ 3012]   999  3012   302140   256000  2248704        0             0 mysqld
			[ 5120.101220] [ 3090]     0  3090    10500     3100    98304        0             0 backup.sh
			[ 5120.101300] Memory cgroup out of memory: Kill process 3012 (mysqld) score 977 or sacrifice child
			[ 5120.101400] Killed process 3012 (mysqld) total-vm:1208560kB, anon-rss:1022840kB, file-rss:1160kB, shmem-rss:0kB
			[ 5120.412000] mysqld invoked oom-killer: gfp_mask=0x14000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=0
			[ 5120.412100] Task in /docker/4f1c2a killed as a result of limit of /docker/4f1c2a
			[ 5120.412120] memory: usage 1048576kB, limit 1048576kB, failcnt 4230
			[ 5120.412200] [ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
			[ 5120.412210] [ 3047]   999  3012   302140   255810  2248704        0             0 mysqld
			[ 5120.412220] [ 3090]     0  3090    10500     3100    98304        0             0 backup.sh
			[ 5120.412300] Memory cgroup out of memory: Kill process 3047 (mysqld) score 976 or sacrifice child
			[ 5120.412400] Killed process 3047 (mysqld) total-vm:1208560kB, anon-rss:1022104kB, file-rss:1160kB, shmem-rss:0kB
			""";

	private IncidentLogs() {
	}

}
