package dev.memplan.oom;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.support.IncidentLogs;

import static org.assertj.core.api.Assertions.assertThat;

/** One timeline from the kernel log and the server's own log, and its sentence (docs/oom.md#timeline). */
class IncidentTimelineTests {

	private static OomLogAnalysis read(String log, String serverLog) {
		return new IncidentReader().read(log, serverLog);
	}

	private static List<String> kinds(Incident incident) {
		return incident.timeline().stream().map((e) -> e.kind() + " " + e.time()).toList();
	}

	@Test
	void tellsTheSeedIncidentFromTwoBoxes() {
		OomLogAnalysis analysis = read(IncidentLogs.SEED_KERNEL, IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG);
		Incident incident = analysis.incident();
		assertThat(incident.clock()).isEqualTo("SHIFTED");
		assertThat(incident.shiftMinutes()).isEqualTo(120); // the error log's UTC moved onto the syslog's local time
		assertThat(kinds(incident)).containsExactly(
				"START 2019-10-21 08:12:04", "READY 2019-10-21 08:12:07",
				"OOM_KILL 2019-10-21 10:43:29", "KILLED 2019-10-21 10:43:29", "RESTART 2019-10-21 10:43:30",
				"START 2019-10-21 10:43:31", "RECOVERY 2019-10-21 10:43:31", "READY 2019-10-21 10:43:52",
				"OOM_KILL 2019-10-21 10:49:02", "KILLED 2019-10-21 10:49:02", "RESTART 2019-10-21 10:49:03",
				"START 2019-10-21 10:49:04", "RECOVERY 2019-10-21 10:49:04", "READY 2019-10-21 10:49:21",
				"OOM_KILL 2019-10-21 10:57:40", "KILLED 2019-10-21 10:57:40", "RESTART 2019-10-21 10:57:41",
				"START 2019-10-21 10:57:42", "RECOVERY 2019-10-21 10:57:42", "READY 2019-10-21 10:58:02");
		assertThat(incident.timeline().get(2).pid()).isEqualTo(2211);
		assertThat(incident.timeline().get(5).pid()).isEqualTo(2562);
		assertThat(incident.timeline().get(16).counter()).isEqualTo(3);
		Incident.Story story = incident.story();
		assertThat(story.code()).isEqualTo("LOOP");
		assertThat(story.kills()).isEqualTo(3);
		assertThat(story.restarts()).isEqualTo(3);
		assertThat(story.recoveries()).isEqualTo(3);
		assertThat(story.spanSeconds()).isEqualTo(851.0);
		assertThat(story.message()).isEqualTo("mysqld was killed by the OOM killer 3 times in 14 min 11 s (first at 2019-10-21 10:43:29, "
				+ "last at 2019-10-21 10:57:40); restarted 3 times, InnoDB crash recovery 3 times: a restart loop — it comes back, "
				+ "grows and is killed again.");
		assertThat(analysis.restartLoops()).extracting(OomLogAnalysis.RestartLoop::comm, OomLogAnalysis.RestartLoop::evidence)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("mysqld", "KERNEL_LOG"));
	}

	@Test
	void readsTheSameIncidentFromOneMixedPaste() {
		// one box, lines interleaved as a DBA would paste them: journal, kernel, error log
		String mixed = IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_KERNEL + IncidentLogs.SEED_ERROR_LOG;
		OomLogAnalysis analysis = read(mixed, null);
		OomLogAnalysis twoBoxes = read(IncidentLogs.SEED_KERNEL, IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG);
		assertThat(analysis.events()).hasSize(3);
		assertThat(analysis.incident().story()).isEqualTo(twoBoxes.incident().story());
		assertThat(kinds(analysis.incident())).isEqualTo(kinds(twoBoxes.incident()));
		// the kernel events keep the line numbers of the mixed paste
		int journalLines = IncidentLogs.SEED_JOURNAL.split("\n").length;
		assertThat(analysis.events().get(0).line()).isEqualTo(journalLines + 1);
		assertThat(analysis.incident().serverLines()).isEqualTo(journalLines + IncidentLogs.SEED_ERROR_LOG.split("\n").length);
	}

	@Test
	void placesDmesgUptimesByTheServersFirstExit() {
		String dmesg = IncidentLogs.SEED_KERNEL.replaceAll("(?m)^Oct 21 \\d\\d:\\d\\d:\\d\\d db1 kernel: ", "");
		Incident incident = read(dmesg, IncidentLogs.SEED_JOURNAL).incident();
		assertThat(incident.clock()).isEqualTo("ANCHORED");
		List<Incident.Entry> kills = incident.timeline().stream().filter((e) -> e.kind() == Incident.Kind.OOM_KILL).toList();
		assertThat(kills).extracting(Incident.Entry::time).containsExactly("≈ Oct 21 10:43:29", "≈ Oct 21 10:49:02", "≈ Oct 21 10:57:40");
		assertThat(kills).allMatch(Incident.Entry::estimated);
		assertThat(incident.story().code()).isEqualTo("LOOP");
	}

	@Test
	void oneProcessKilledOnceAndRestartedIsNoLoop() {
		String journal = """
				Oct 21 10:43:29 db1 systemd[1]: mariadb.service: A process of this unit has been killed by the OOM killer.
				Oct 21 10:43:29 db1 systemd[1]: mariadb.service: Main process exited, code=killed, status=9/KILL
				Oct 21 10:43:29 db1 systemd[1]: mariadb.service: Failed with result 'oom-kill'.
				Oct 21 10:43:34 db1 systemd[1]: mariadb.service: Scheduled restart job, restart counter is at 1.
				Oct 21 10:43:34 db1 mariadbd[2931]: 2019-10-21 10:43:34 0 [Note] Starting MariaDB 10.6.12-MariaDB-0ubuntu0.22.04.1 source revision  as process 2931
				Oct 21 10:43:35 db1 mariadbd[2931]: 2019-10-21 10:43:35 0 [Note] InnoDB: Starting crash recovery from checkpoint LSN=46060231
				Oct 21 10:43:51 db1 mariadbd[2931]: 2019-10-21 10:43:51 0 [Note] /usr/sbin/mariadbd: ready for connections.
				""";
		String kernel = IncidentLogs.SEED_KERNEL.lines().limit(14).map((l) -> l.replace("mysqld", "mariadbd"))
			.reduce("", (a, b) -> a + b + "\n");
		OomLogAnalysis analysis = read(kernel, journal);
		Incident.Story story = analysis.incident().story();
		assertThat(story.code()).isEqualTo("KILLED_RESTARTED");
		assertThat(story.program()).isEqualTo("mariadbd");
		assertThat(story.kills()).isEqualTo(1);
		assertThat(story.loop()).isFalse();
		assertThat(story.message()).isEqualTo("mariadbd was killed by the OOM killer once (first at 2019-10-21 10:43:29), restarted once "
				+ "with InnoDB crash recovery once, and not killed again in these logs.");
		// systemd's three lines for the one kill are one entry
		assertThat(analysis.incident().timeline().stream().filter((e) -> e.kind() == Incident.Kind.KILLED)).hasSize(1);
		assertThat(analysis.restartLoops()).isEmpty();
	}

	@Test
	void threadsOfOneProcessAndTheServerLogStillMakeOneKill() {
		String safe = """
				190101 01:25:21 mysqld_safe Number of processes running now: 0
				190101 01:25:21 mysqld_safe mysqld restarted
				InnoDB: Database was not shut down normally!
				""";
		OomLogAnalysis analysis = read(IncidentLogs.THREAD_KILLED_TWICE, safe);
		assertThat(analysis.killedProcesses()).hasSize(1);
		assertThat(analysis.incident().story().kills()).isEqualTo(1);
		assertThat(analysis.incident().story().loop()).isFalse();
		assertThat(analysis.restartLoops()).isEmpty();
	}

	@Test
	void aRestartInTheServerLogBetweenTwoKillsIsALoopWithoutKernelEvidence() {
		// two kills 8 s apart: too close for the kernel log alone, but mysqld_safe restarted it in between
		String kernel = """
				[Mon Oct 21 10:43:29 2019] Out of memory: Killed process 2211 (mysqld) total-vm:3310012kB, anon-rss:2811220kB, file-rss:0kB, shmem-rss:0kB
				[Mon Oct 21 10:43:37 2019] Out of memory: Killed process 2562 (mysqld) total-vm:3310012kB, anon-rss:2811220kB, file-rss:0kB, shmem-rss:0kB
				""";
		String safe = """
				191021 10:43:29 mysqld_safe Number of processes running now: 0
				191021 10:43:29 mysqld_safe mysqld restarted
				2019-10-21 10:43:30 0 [Note] /usr/sbin/mysqld (mysqld 5.6.51) starting as process 2562 ...
				2019-10-21 10:43:30 2562 [Note] InnoDB: Database was not shutdown normally!
				""";
		OomLogAnalysis analysis = read(kernel, safe);
		assertThat(analysis.incident().clock()).isEqualTo("SAME");
		assertThat(analysis.incident().story().code()).isEqualTo("LOOP");
		assertThat(analysis.restartLoops()).singleElement().satisfies((l) -> assertThat(l.evidence()).isEqualTo("SERVER_LOG"));
	}

	@Test
	void saysWhatIsMissing() {
		assertThat(read(IncidentLogs.SEED_KERNEL.lines().limit(14).reduce("", (a, b) -> a + b + "\n"), null).incident().story().code())
			.isEqualTo("KILLED_NO_SERVER_LOG");
		assertThat(read(null, IncidentLogs.SEED_JOURNAL).incident().story().code()).isEqualTo("SIGKILL_NO_OOM");
		assertThat(read(null, IncidentLogs.SEED_ERROR_LOG).incident().story().code()).isEqualTo("RESTARTS_NO_KILL");
		assertThat(read("nothing to see", null).incident()).isNull();
	}

	@Test
	void capsTheTimeline() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			log.append("2019-10-21T08:43:31.102394Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.18) starting as process ")
				.append(1000 + i).append('\n');
		}
		Incident incident = read(log.toString(), null).incident();
		assertThat(incident.timeline()).hasSize(IncidentTimeline.MAX_ENTRIES);
		assertThat(incident.cut()).isTrue();
	}

}
