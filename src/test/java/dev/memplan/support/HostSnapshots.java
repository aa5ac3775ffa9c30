package dev.memplan.support;

/** Host snapshots for tests. */
public final class HostSnapshots {

	/** docs/oom.md#worked-example as the script would print it: 1 GiB RAM, 400 MiB swap (kB). */
	public static final String WORKED_EXAMPLE = """
			memplan-host-snapshot 1
			kernel 5.15.0-91-generic
			meminfo MemTotal 1048576
			meminfo SwapTotal 409600
			meminfo Committed_AS 1500000
			meminfo CommitLimit 933888
			sysctl vm.overcommit_memory 2
			sysctl vm.overcommit_ratio 50
			sysctl vm.overcommit_kbytes 0
			sysctl vm.swappiness 0
			proc 1 0 9000 0 100 0 systemd
			proc 900 0 8192 0 80 -1000 sshd
			proc 1200 27 737280 184320 2048 0 mysqld
			proc 1300 1000 61440 0 300 300 node
			proc 1400 33 92160 10240 400 0 php-fpm
			systemd mariadb.service OOMScoreAdjust=0 MemoryMax=infinity
			""";

	private HostSnapshots() {
	}

}
