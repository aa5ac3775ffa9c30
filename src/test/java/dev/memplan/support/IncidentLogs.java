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

	/**
	 * The seed incident's kernel side (Ubuntu 20.04, kernel 5.4, syslog with dmesg uptimes, local time
	 * UTC+2, 4 GiB RAM, no swap): a monitoring script (perl) grows from 1.0 to 1.9 GiB and mysqld,
	 * the largest process, is killed three times — 10:43:29, 10:49:02, 10:57:40 — each time a new pid.
	 */
	public static final String SEED_KERNEL = """
			Oct 21 10:43:29 db1 kernel: [  812.300100] perl invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
			Oct 21 10:43:29 db1 kernel: [  812.300200] CPU: 1 PID: 3120 Comm: perl Not tainted 5.4.0-88-generic #99-Ubuntu
			Oct 21 10:43:29 db1 kernel: [  812.301000] Mem-Info:
			Oct 21 10:43:29 db1 kernel: [  812.301100] 1048446 pages RAM
			Oct 21 10:43:29 db1 kernel: [  812.301200] Total swap = 0kB
			Oct 21 10:43:29 db1 kernel: [  812.301300] Tasks state (memory values in pages):
			Oct 21 10:43:29 db1 kernel: [  812.301400] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
			Oct 21 10:43:29 db1 kernel: [  812.301500] [   2211]   111  2211   827503   702805        5914624        0             0 mysqld
			Oct 21 10:43:29 db1 kernel: [  812.301510] [   3120]     0  3120   292000   270000        2150400        0             0 perl
			Oct 21 10:43:29 db1 kernel: [  812.301520] [    812]     0   812    71230     4820         180224        0             0 systemd-journal
			Oct 21 10:43:29 db1 kernel: [  812.301530] [   1021]     0  1021    18380     1410          69632        0         -1000 sshd
			Oct 21 10:43:29 db1 kernel: [  812.302100] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/mysql.service,task=mysqld,pid=2211,uid=111
			Oct 21 10:43:29 db1 kernel: [  812.302200] Out of memory: Killed process 2211 (mysqld) total-vm:3310012kB, anon-rss:2811220kB, file-rss:0kB, shmem-rss:0kB, UID:111 pgtables:5776kB oom_score_adj:0
			Oct 21 10:43:29 db1 kernel: [  812.410100] oom_reaper: reaped process 2211 (mysqld), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB
			Oct 21 10:49:02 db1 kernel: [ 1145.310200] perl invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
			Oct 21 10:49:02 db1 kernel: [ 1145.310300] CPU: 1 PID: 3120 Comm: perl Not tainted 5.4.0-88-generic #99-Ubuntu
			Oct 21 10:49:02 db1 kernel: [ 1145.311100] Mem-Info:
			Oct 21 10:49:02 db1 kernel: [ 1145.311200] 1048446 pages RAM
			Oct 21 10:49:02 db1 kernel: [ 1145.311300] Total swap = 0kB
			Oct 21 10:49:02 db1 kernel: [ 1145.311400] Tasks state (memory values in pages):
			Oct 21 10:49:02 db1 kernel: [ 1145.311500] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
			Oct 21 10:49:02 db1 kernel: [ 1145.311600] [   2562]   111  2562   827503   611900        5914624        0             0 mysqld
			Oct 21 10:49:02 db1 kernel: [ 1145.311610] [   3120]     0  3120   413200   391200        2150400        0             0 perl
			Oct 21 10:49:02 db1 kernel: [ 1145.311620] [    812]     0   812    71230     4820         180224        0             0 systemd-journal
			Oct 21 10:49:02 db1 kernel: [ 1145.311630] [   1021]     0  1021    18380     1410          69632        0         -1000 sshd
			Oct 21 10:49:02 db1 kernel: [ 1145.312200] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/mysql.service,task=mysqld,pid=2562,uid=111
			Oct 21 10:49:02 db1 kernel: [ 1145.312300] Out of memory: Killed process 2562 (mysqld) total-vm:3310012kB, anon-rss:2447600kB, file-rss:0kB, shmem-rss:0kB, UID:111 pgtables:5776kB oom_score_adj:0
			Oct 21 10:49:02 db1 kernel: [ 1145.420200] oom_reaper: reaped process 2562 (mysqld), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB
			Oct 21 10:57:40 db1 kernel: [ 1663.620300] perl invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
			Oct 21 10:57:40 db1 kernel: [ 1663.620400] CPU: 1 PID: 3120 Comm: perl Not tainted 5.4.0-88-generic #99-Ubuntu
			Oct 21 10:57:40 db1 kernel: [ 1663.621200] Mem-Info:
			Oct 21 10:57:40 db1 kernel: [ 1663.621300] 1048446 pages RAM
			Oct 21 10:57:40 db1 kernel: [ 1663.621400] Total swap = 0kB
			Oct 21 10:57:40 db1 kernel: [ 1663.621500] Tasks state (memory values in pages):
			Oct 21 10:57:40 db1 kernel: [ 1663.621600] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
			Oct 21 10:57:40 db1 kernel: [ 1663.621700] [   2790]   111  2790   827503   540100        5914624        0             0 mysqld
			Oct 21 10:57:40 db1 kernel: [ 1663.621710] [   3120]     0  3120   520300   498300        2150400        0             0 perl
			Oct 21 10:57:40 db1 kernel: [ 1663.621720] [    812]     0   812    71230     4820         180224        0             0 systemd-journal
			Oct 21 10:57:40 db1 kernel: [ 1663.621730] [   1021]     0  1021    18380     1410          69632        0         -1000 sshd
			Oct 21 10:57:40 db1 kernel: [ 1663.622300] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/mysql.service,task=mysqld,pid=2790,uid=111
			Oct 21 10:57:40 db1 kernel: [ 1663.622400] Out of memory: Killed process 2790 (mysqld) total-vm:3310012kB, anon-rss:2160400kB, file-rss:0kB, shmem-rss:0kB, UID:111 pgtables:5776kB oom_score_adj:0
			Oct 21 10:57:40 db1 kernel: [ 1663.730300] oom_reaper: reaped process 2790 (mysqld), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB
			""";

	/**
	 * The same incident in {@code journalctl -u mysql} (local time): systemd restarts mysqld after each kill.
	 */
	public static final String SEED_JOURNAL = """
			Oct 21 10:43:29 db1 systemd[1]: mysql.service: Main process exited, code=killed, status=9/KILL
			Oct 21 10:43:29 db1 systemd[1]: mysql.service: Failed with result 'signal'.
			Oct 21 10:43:30 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 1.
			Oct 21 10:43:30 db1 systemd[1]: Stopped MySQL Community Server.
			Oct 21 10:43:30 db1 systemd[1]: Starting MySQL Community Server...
			Oct 21 10:43:52 db1 systemd[1]: Started MySQL Community Server.
			Oct 21 10:49:02 db1 systemd[1]: mysql.service: Main process exited, code=killed, status=9/KILL
			Oct 21 10:49:02 db1 systemd[1]: mysql.service: Failed with result 'signal'.
			Oct 21 10:49:03 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 2.
			Oct 21 10:49:03 db1 systemd[1]: Stopped MySQL Community Server.
			Oct 21 10:49:03 db1 systemd[1]: Starting MySQL Community Server...
			Oct 21 10:49:21 db1 systemd[1]: Started MySQL Community Server.
			Oct 21 10:57:40 db1 systemd[1]: mysql.service: Main process exited, code=killed, status=9/KILL
			Oct 21 10:57:40 db1 systemd[1]: mysql.service: Failed with result 'signal'.
			Oct 21 10:57:41 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 3.
			Oct 21 10:57:41 db1 systemd[1]: Stopped MySQL Community Server.
			Oct 21 10:57:41 db1 systemd[1]: Starting MySQL Community Server...
			Oct 21 10:58:02 db1 systemd[1]: Started MySQL Community Server.
			""";

	/**
	 * The same incident in MySQL 8.0's error log (log_error_verbosity=3, UTC as 8.0 logs by default: two
	 * hours behind the syslog's local time): a start at 06:12, then three restarts with crash recovery.
	 */
	public static final String SEED_ERROR_LOG = """
			2019-10-21T06:12:04.331245Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.18-0ubuntu0.19.10.1) starting as process 2211
			2019-10-21T06:12:07.902114Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.18-0ubuntu0.19.10.1'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  (Ubuntu).
			2019-10-21T08:43:31.102394Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.18-0ubuntu0.19.10.1) starting as process 2562
			2019-10-21T08:43:31.140221Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.
			2019-10-21T08:43:31.205113Z 1 [Note] [MY-012551] [InnoDB] Database was not shutdown normally!
			2019-10-21T08:43:31.205210Z 1 [Note] [MY-012552] [InnoDB] Starting crash recovery.
			2019-10-21T08:43:50.998310Z 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.
			2019-10-21T08:43:52.118004Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.18-0ubuntu0.19.10.1'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  (Ubuntu).
			2019-10-21T08:49:04.001882Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.18-0ubuntu0.19.10.1) starting as process 2790
			2019-10-21T08:49:04.120117Z 1 [Note] [MY-012551] [InnoDB] Database was not shutdown normally!
			2019-10-21T08:49:04.120230Z 1 [Note] [MY-012552] [InnoDB] Starting crash recovery.
			2019-10-21T08:49:21.007451Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.18-0ubuntu0.19.10.1'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  (Ubuntu).
			2019-10-21T08:57:42.312008Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.18-0ubuntu0.19.10.1) starting as process 3015
			2019-10-21T08:57:42.410392Z 1 [Note] [MY-012551] [InnoDB] Database was not shutdown normally!
			2019-10-21T08:57:42.410501Z 1 [Note] [MY-012552] [InnoDB] Starting crash recovery.
			2019-10-21T08:58:02.772109Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.18-0ubuntu0.19.10.1'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  (Ubuntu).
			""";

	private IncidentLogs() {
	}

}
