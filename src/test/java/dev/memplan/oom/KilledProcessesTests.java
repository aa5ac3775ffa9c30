package dev.memplan.oom;

import org.junit.jupiter.api.Test;

import dev.memplan.support.IncidentLogs;

import static org.assertj.core.api.Assertions.assertThat;

/** Kill messages for threads of one process, and when kills are a restart loop (docs/oom.md#restart-loops). */
class KilledProcessesTests {

	private static OomLogAnalysis parse(String text) {
		return new OomLogParser().parse(text);
	}

	@Test
	void twoKillsOfOneThreadGroupAreOneProcessAndNoLoop() {
		OomLogAnalysis analysis = parse(IncidentLogs.THREAD_KILLED_TWICE);
		assertThat(analysis.events()).hasSize(2);
		assertThat(analysis.events().get(1).victimRow().tgid()).isEqualTo(3012);
		assertThat(analysis.killedProcesses()).singleElement().satisfies((p) -> {
			assertThat(p.comm()).isEqualTo("mysqld");
			assertThat(p.pid()).isEqualTo(3012);
			assertThat(p.killedPids()).containsExactly(3012L, 3047L);
			assertThat(p.killMessages()).isEqualTo(2);
		});
		assertThat(analysis.restartLoops()).isEmpty();
	}

	@Test
	void differentProcessesTensOfSecondsApartAreALoop() {
		String restarted = IncidentLogs.THREAD_KILLED_TWICE + IncidentLogs.THREAD_KILLED_TWICE.replace("5120.", "5215.").replace("3012", "3391")
			.replace("3047", "3420");
		OomLogAnalysis analysis = parse(restarted);
		assertThat(analysis.killedProcesses()).extracting(OomLogAnalysis.KilledProcess::pid).containsExactly(3012L, 3391L);
		assertThat(analysis.restartLoops()).singleElement().satisfies((loop) -> {
			assertThat(loop.comm()).isEqualTo("mysqld");
			assertThat(loop.kills()).isEqualTo(2);
			assertThat(loop.spanSeconds()).isCloseTo(95.0, org.assertj.core.data.Offset.offset(0.01));
			assertThat(loop.evidence()).isEqualTo(OomLogAnalysis.RestartLoop.KERNEL_LOG);
		});
	}

	@Test
	void differentProcessesInOneBurstAreNoLoop() {
		// two mysqld instances (mysqld_multi) killed in the same second: two processes, no restart
		String burst = IncidentLogs.THREAD_KILLED_TWICE.replace("[ 3047]   999  3012", "[ 3047]   999  3047");
		OomLogAnalysis analysis = parse(burst);
		assertThat(analysis.killedProcesses()).hasSize(2);
		assertThat(analysis.restartLoops()).isEmpty();
	}

	@Test
	void killsWithoutTimesOrWithTheClockGoingBackAreNoLoop() {
		String noTimes = """
				Killed process 19445 (mysqld) total-vm:973984kB, anon-rss:350000kB, file-rss:0kB
				Killed process 20112 (mysqld) total-vm:973984kB, anon-rss:350000kB, file-rss:0kB
				""";
		assertThat(parse(noTimes).killedProcesses()).hasSize(2);
		assertThat(parse(noTimes).restartLoops()).isEmpty();
		String twoBoots = """
				[ 9000.000000] Killed process 19445 (mysqld) total-vm:973984kB, anon-rss:350000kB, file-rss:0kB
				[  120.000000] Killed process 20112 (mysqld) total-vm:973984kB, anon-rss:350000kB, file-rss:0kB
				""";
		assertThat(parse(twoBoots).restartLoops()).isEmpty();
	}

	@Test
	void syslogTimesCountToo() {
		String syslog = """
				Oct 21 10:43:29 db1 kernel: Out of memory: Killed process 2211 (mysqld) total-vm:3310012kB, anon-rss:2811220kB, file-rss:0kB, shmem-rss:0kB, UID:27 pgtables:5912kB oom_score_adj:0
				Oct 21 10:49:02 db1 kernel: Out of memory: Killed process 2562 (mysqld) total-vm:3302112kB, anon-rss:2790112kB, file-rss:0kB, shmem-rss:0kB, UID:27 pgtables:5900kB oom_score_adj:0
				""";
		assertThat(parse(syslog).restartLoops()).singleElement()
			.satisfies((loop) -> assertThat(loop.spanSeconds()).isEqualTo(333.0));
	}

}
