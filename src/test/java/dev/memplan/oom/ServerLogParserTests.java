package dev.memplan.oom;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each line format of the server's own log (docs/oom.md#server-logs), written as the servers print
 * them: MySQL 5.5/5.6/5.7/8.0 and MariaDB 5.5/10.x error logs, mysqld_safe, and systemd's journal
 * ({@code journalctl -u mysql|mariadb}, syslog and short-iso), next to kernel lines that must stay kernel lines.
 */
class ServerLogParserTests {

	private final ServerLogParser parser = new ServerLogParser();

	private ServerLogParser.Classified classify(String line) {
		return this.parser.classify(line, "log", 1, null);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			// MySQL 5.5 / MariaDB 5.5 and their mysqld_safe
			"mysql-5.5 | 131003 15:33:33 mysqld_safe mysqld restarted | RESTART | 2013-10-03T15:33:33",
			"mysql-5.5 | 131003 15:33:34  InnoDB: Database was not shut down normally! | RECOVERY | 2013-10-03T15:33:34",
			"mysql-5.5 | 131003 15:33:36 [Note] /usr/sbin/mysqld: ready for connections. | READY | 2013-10-03T15:33:36",
			"mysql-5.5 | 131003  9:02:11 mysqld_safe mysqld from pid file /var/run/mysqld/mysqld.pid ended | ENDED | 2013-10-03T09:02:11",
			// MySQL 5.6
			"mysql-5.6 | 2015-06-01 10:43:30 0 [Note] /usr/sbin/mysqld (mysqld 5.6.25-0ubuntu0.15.04.1) starting as process 2562 ... | START | 2015-06-01T10:43:30",
			"mysql-5.6 | 2015-06-01 10:43:31 2562 [Note] InnoDB: Database was not shutdown normally! | RECOVERY | 2015-06-01T10:43:31",
			"mysql-5.6 | 2015-06-01 10:43:31 2562 [Note] InnoDB: Starting crash recovery. | RECOVERY | 2015-06-01T10:43:31",
			"mysql-5.6 | 2015-06-01 10:50:02 2562 [Note] /usr/sbin/mysqld: Normal shutdown | SHUTDOWN | 2015-06-01T10:50:02",
			// MySQL 5.7 and its mysqld_safe (UTC by default)
			"mysql-5.7 | 2019-10-21T08:43:30.182341Z mysqld_safe mysqld from pid file /var/run/mysqld/mysqld.pid ended | ENDED | 2019-10-21T08:43:30.182341",
			"mysql-5.7 | 2019-10-21T08:43:30.186455Z mysqld_safe mysqld restarted | RESTART | 2019-10-21T08:43:30.186455",
			"mysql-5.7 | 2019-10-21T08:43:30.612398Z 0 [Note] /usr/sbin/mysqld (mysqld 5.7.28-log) starting as process 2562 ... | START | 2019-10-21T08:43:30.612398",
			"mysql-5.7 | 2019-10-21T08:43:30.711891Z 0 [Note] InnoDB: Starting crash recovery. | RECOVERY | 2019-10-21T08:43:30.711891",
			// MySQL 8.0, UTC and log_timestamps=SYSTEM
			"mysql-8.0 | 2023-03-14T02:17:41.893247Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.32) starting as process 4120 | START | 2023-03-14T02:17:41.893247",
			"mysql-8.0 | 2023-03-14T10:17:42.019345+08:00 1 [Note] [MY-012551] [InnoDB] Database was not shutdown normally! | RECOVERY | 2023-03-14T10:17:42.019345",
			"mysql-8.0 | 2023-03-14T02:17:49.120044Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.32'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL. | READY | 2023-03-14T02:17:49.120044",
			// MariaDB 10.3 (mysqld name) and 10.11 (as this machine's MariaDB prints it: hour padded with a space)
			"mariadb-10.3 | 2019-10-21 10:43:34 0 [Note] /usr/sbin/mysqld (mysqld 10.3.18-MariaDB-0+deb10u1) starting as process 2931 ... | START | 2019-10-21T10:43:34",
			"mariadb-10.3 | 2019-10-21 10:43:35 0 [Note] InnoDB: Starting crash recovery from checkpoint LSN=1625943 | RECOVERY | 2019-10-21T10:43:35",
			"mariadb-10.11 | 2026-12-01  9:10:05 0 [Note] Starting MariaDB 10.11.19-MariaDB-0+deb12u1 source revision 5843d8475120241667a7ce0f8a1abb6c9b43a273 server_uid 0dfuIzFBftiUR9RKF00wCn2cXPI= as process 3790 | START | 2026-12-01T09:10:05",
			"mariadb-10.11 | 2026-12-01  9:10:05 0 [Note] /usr/sbin/mariadbd: ready for connections. | READY | 2026-12-01T09:10:05",
			// systemd: journalctl -u (short and short-iso), CentOS 7 syslog, the server's own lines in the journal
			"systemd | Oct 21 10:43:29 db1 systemd[1]: mysql.service: Main process exited, code=killed, status=9/KILL | KILLED | 2000-10-21T10:43:29",
			"systemd | Oct 21 10:43:29 db1 systemd[1]: mariadb.service: A process of this unit has been killed by the OOM killer. | KILLED | 2000-10-21T10:43:29",
			"systemd | Oct 21 10:43:30 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 1. | RESTART | 2000-10-21T10:43:30",
			"systemd | 2019-10-21T10:43:30+0200 db1 systemd[1]: mariadb.service: Scheduled restart job, restart counter is at 4. | RESTART | 2019-10-21T10:43:30",
			"systemd-219 | Oct 21 10:43:29 db1 systemd: mysqld.service: main process exited, code=killed, status=9/KILL | KILLED | 2000-10-21T10:43:29",
			"systemd-219 | Oct 21 10:43:34 db1 systemd: mysqld.service holdoff time over, scheduling restart. | RESTART | 2000-10-21T10:43:34",
			"journal | Oct 21 10:43:35 db1 mariadbd[2931]: 2019-10-21 10:43:35 0 [Note] InnoDB: Starting crash recovery from checkpoint LSN=46060231 | RECOVERY | 2019-10-21T10:43:35",
			"syslog | Nov 23 12:24:50 mythbox mysqld_safe[8812]: restarted | RESTART | 2000-11-23T12:24:50"
	})
	void recognisesEachFormat(String server, String line, ServerLogEvent.Kind kind, String time) {
		ServerLogParser.Classified c = classify(line);
		assertThat(c.origin()).as(server).isEqualTo(ServerLogParser.Origin.SERVER);
		assertThat(c.event().kind()).as(server).isEqualTo(kind);
		assertThat(c.event().time().inYear(null)).as(server).isEqualTo(LocalDateTime.parse(time));
	}

	@Test
	void readsPidsCountersAndOffsets() {
		assertThat(classify("2019-10-21T08:43:30.612398Z 0 [Note] /usr/sbin/mysqld (mysqld 5.7.28) starting as process 2562 ...").event().pid())
			.isEqualTo(2562);
		assertThat(classify("2019-10-21T08:43:30.612398Z 0 [Note] /usr/sbin/mysqld (mysqld 5.7.28) starting as process 2562 ...").event().time()
			.offset()).isEqualTo(ZoneOffset.UTC);
		assertThat(classify("Oct 21 10:43:30 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 7.").event().counter())
			.isEqualTo(7);
		assertThat(classify("2019-10-21T10:43:30+0200 db1 systemd[1]: mysql.service: Scheduled restart job, restart counter is at 1.").event()
			.time().offset()).isEqualTo(ZoneOffset.ofHours(2));
	}

	@Test
	void untimestampedInnoDbLinesTakeThePreviousTime() {
		LogTime before = LogTime.parse("131003 15:33:34");
		ServerLogParser.Classified c = this.parser.classify("InnoDB: Starting crash recovery.", "serverLog", 7, before);
		assertThat(c.event().kind()).isEqualTo(ServerLogEvent.Kind.RECOVERY);
		assertThat(c.event().time()).isEqualTo(before);
		assertThat(c.event().input()).isEqualTo("serverLog");
		assertThat(c.event().line()).isEqualTo(7);
	}

	@Test
	void leavesKernelLinesToTheKernelParserAndSetsOtherProgramsAside() {
		for (String kernel : new String[] { "[ 4709.122085] Killed process 71414 (mysqld) total-vm:1121372kB, anon-rss:452468kB, file-rss:0kB",
				"Oct 21 10:43:29 db1 kernel: [  812.302200] Out of memory: Killed process 2211 (mysqld) total-vm:3310012kB",
				"[Mon Oct 21 10:43:29 2019] mysqld invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0",
				"Killed process 19445 (mysqld) total-vm:973984kB, anon-rss:350000kB, file-rss:0kB", "   wrapped continuation, shmem-rss:0kB",
				"[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name", "" }) {
			assertThat(classify(kernel).origin()).as(kernel).isEqualTo(ServerLogParser.Origin.KERNEL);
		}
		assertThat(classify("Oct 21 10:43:31 db1 CRON[4121]: (root) CMD (/usr/local/bin/check_mysql.pl)").origin())
			.isEqualTo(ServerLogParser.Origin.OTHER);
		assertThat(classify("Oct 21 10:43:31 db1 systemd[1]: Started Session 12 of user root.").origin())
			.isEqualTo(ServerLogParser.Origin.OTHER);
		assertThat(classify("-- Logs begin at Mon 2019-10-21 06:11:50 CEST, end at Mon 2019-10-21 11:02:13 CEST. --").origin())
			.isEqualTo(ServerLogParser.Origin.OTHER);
		// a server line that tells nothing about the incident is still the server's
		ServerLogParser.Classified note = classify("2019-10-21T08:43:31.140221Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.");
		assertThat(note.origin()).isEqualTo(ServerLogParser.Origin.SERVER);
		assertThat(note.event()).isNull();
	}

	@Test
	void readsHugeLinesInLinearTime() {
		String huge = "2019-10-21T08:43:30.612398Z 0 [Note] " + "mysqld from pid file ".repeat(50_000);
		long start = System.nanoTime();
		assertThat(classify(huge).origin()).isEqualTo(ServerLogParser.Origin.SERVER);
		assertThat(classify("Oct 21 10:43:29 db1 " + "x".repeat(1_000_000)).origin()).isNotNull();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
	}

}
