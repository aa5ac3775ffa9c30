package dev.memplan.live;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;
import dev.memplan.report.SnippetWriter;
import dev.memplan.support.LocalMySql;
import dev.memplan.support.LocalMySql.Server;
import dev.memplan.support.LocalMySql.Version;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe against real MySQL 5.7.22, 8.0.15 and 8.0.31 servers (support/LocalMySql), as a least-privileged user. */
class MySqlLiveProbeIntegrationTests {

	private static final LiveServerProbe PROBE = new LiveServerProbe(new AllowedHosts(List.of()), Duration.ofSeconds(5),
			Duration.ofSeconds(15));

	private static LiveSnapshot probe(Server server) {
		ProbeResult result = PROBE.probe(LiveTarget.of(LocalMySql.HOST, Integer.toString(server.port()), LocalMySql.PROBE_USER,
				LocalMySql.PROBE_PASSWORD.toCharArray(), "PREFERRED"));
		assertThat(result).as("probe of %s", server.version()).isInstanceOf(ProbeResult.Connected.class);
		return ((ProbeResult.Connected) result).snapshot();
	}

	private static long performanceSchemaInstruments(Server server) throws SQLException {
		return Long.parseLong(server.scalar(MeasuredMemory.PERFORMANCE_SCHEMA_SIZE));
	}

	@ParameterizedTest
	@EnumSource(Version.class)
	void readsVariablesAndStatusWithNoPrivilegeAtAll(Version version) throws Exception {
		Server server = LocalMySql.shared(version);
		server.createProbeUser();
		LiveSnapshot snapshot = probe(server);
		assertThat(snapshot.version()).isEqualTo(server.scalar("SELECT VERSION()")).startsWith(version.number());
		assertThat(snapshot.variables().get("innodb_buffer_pool_size")).isEqualTo(server.scalar("SELECT @@innodb_buffer_pool_size"));
		assertThat(snapshot.variables().get("max_connections")).isEqualTo("151");
		assertThat(snapshot.statusNumber("max_used_connections")).isPositive();
		// P_S tables need SELECT on performance_schema: without it, no measurement, and the note says why
		assertThat(snapshot.measuredTotalBytes()).isNull();
		assertThat(snapshot.performanceSchemaBytes()).isNull();
		assertThat(snapshot.measuredNotes()).extracting(Diagnostic::code).contains(DiagnosticCode.MEASURED_NEEDS_PERFORMANCE_SCHEMA);
	}

	@ParameterizedTest
	@EnumSource(Version.class)
	void measuresPerformanceSchemaWithSelectOnItAlone(Version version) throws Exception {
		Server server = LocalMySql.shared(version);
		server.createProbeUser("SELECT ON performance_schema.*");
		LiveSnapshot snapshot = probe(server);
		long instruments = performanceSchemaInstruments(server);
		// P_S sizes itself at start-up and does not grow while idle: equal within 1 %
		assertThat(snapshot.performanceSchemaBytes()).isBetween(instruments * 99 / 100, instruments * 101 / 100);
		// 5.7.22 --no-defaults: 137,434,248; 8.0.15: 277,408,784; 8.0.31: 229,208,712 (docs/measurements-mysql.md)
		assertThat(snapshot.performanceSchemaBytes()).isBetween(100L << 20, 400L << 20);
		if (version.isEight()) {
			long server8 = Long.parseLong(server.scalar("SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) FROM "
					+ "performance_schema.memory_summary_global_by_event_name"));
			assertThat(snapshot.measuredTotalBytes()).isBetween(server8 * 9 / 10, server8 * 11 / 10);
			assertThat(snapshot.topConsumers()).extracting(LiveSnapshot.Consumer::name).contains("performance_schema", "innodb");
		}
		else {
			// 5.7 counts only P_S's own memory by default: that is not the server's total
			assertThat(snapshot.measuredTotalBytes()).isNull();
			assertThat(snapshot.measuredNotes()).extracting(Diagnostic::code).contains(DiagnosticCode.MEASURED_ONLY_PERFORMANCE_SCHEMA);
		}
	}

	@ParameterizedTest
	@EnumSource(Version.class)
	void plansTheServerWithItsMeasuredPerformanceSchema(Version version) throws Exception {
		Server server = LocalMySql.shared(version);
		server.createProbeUser("SELECT ON performance_schema.*");
		LiveSnapshot snapshot = probe(server);
		LiveReading reading = LiveReading.of(snapshot, ServerCatalog.standard());
		assertThat(reading.profile().id()).isEqualTo(version.isEight() ? "mysql-8.0" : "mysql-5.7");
		Plan plan = Planner.standard().plan(reading.profile(), reading.settings(), HostSpec.ofRam(16L << 30),
				snapshot.performanceSchemaBytes());
		LineItem performanceSchema = plan.budget().lineItems().stream().filter((i) -> i.id().equals("performance_schema")).findFirst()
			.orElseThrow();
		assertThat(performanceSchema.bytes()).isEqualTo(snapshot.performanceSchemaBytes());
		assertThat(performanceSchema.estimate()).isFalse();
		assertThat(plan.settings().bytes("max_connections")).isEqualTo(151);
		// the caps from 8.0.28 (catalog/variables.tsv): recommended only where SHOW GLOBAL VARIABLES lists them
		MemoryCaps caps = MemoryCaps.recommend(plan.settings(), plan.budget(), MemoryTerms.standard());
		List<DiagnosticCode> codes = plan.diagnostics().stream().map(Diagnostic::code).toList();
		if (version == Version.MYSQL_8_0_31) {
			assertThat(snapshot.variables()).containsKey("connection_memory_limit");
			assertThat(caps).isNotNull();
			assertThat(caps.fromRelease()).isNull(); // the server said 8.0.31: no condition on the release
			assertThat(codes).doesNotContain(DiagnosticCode.NO_SERVER_CAP);
		}
		else {
			assertThat(snapshot.variables()).doesNotContainKey("connection_memory_limit");
			assertThat(caps).isNull();
			assertThat(plan.settings().has("connection_memory_limit")).isFalse();
			// 8.0.15 is told that nothing on the server bounds the connections; 5.7 has no 8.0.28 to wait for
			if (version == Version.MYSQL_8_0_15) {
				assertThat(codes).contains(DiagnosticCode.NO_SERVER_CAP);
				assertThat(SnippetWriter.write(plan)).contains("No server-side cap: MySQL 8.0.15 predates connection_memory_limit");
			}
			else {
				assertThat(codes).doesNotContain(DiagnosticCode.NO_SERVER_CAP);
			}
		}
	}

	/**
	 * The arbiter between SHOW ENGINE PERFORMANCE_SCHEMA STATUS (187,812,368 bytes on 8.0.15) and the
	 * memory/performance_schema/% instruments (277,408,784): the same idle server, same configuration,
	 * performance_schema ON and OFF; resident memory differs by what P_S really holds.
	 */
	@Test
	void performanceSchemaInstrumentsMatchWhatTheServerHoldsResident() throws Exception {
		Server on = LocalMySql.shared(Version.MYSQL_8_0_15);
		long instruments = performanceSchemaInstruments(on);
		long engineStatus = 0;
		try (Connection connection = on.root(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW ENGINE PERFORMANCE_SCHEMA STATUS")) {
			while (rows.next()) {
				if (rows.getString(2).equals("performance_schema.memory")) {
					engineStatus = Long.parseLong(rows.getString(3));
				}
			}
		}
		long residentOn = on.residentBytes();
		long residentOff;
		try (Server off = LocalMySql.startWith(Version.MYSQL_8_0_15, null, List.of("--performance-schema=OFF"))) {
			Thread.sleep(2000); // both idle after start-up
			residentOff = off.residentBytes();
		}
		long difference = residentOn - residentOff;
		// measured here: ON 391,061,504, OFF 101,482,496, difference 289,579,008 (instruments: 0.96 of it)
		assertThat(instruments).as("instruments vs RSS(ON) - RSS(OFF) = %,d", difference)
			.isBetween(difference * 85 / 100, difference * 115 / 100);
		// 187,812,368 here: a third short of what P_S holds
		assertThat(engineStatus).as("SHOW ENGINE PERFORMANCE_SCHEMA STATUS").isPositive().isLessThan(difference * 85 / 100);
	}

	/**
	 * The per-connection high-water marks as the probe itself reads them (ObservedPeaksReader:
	 * performance_schema.threads.MAX_TOTAL_MEMORY, 8.0.31+), as the probe user with SELECT on
	 * performance_schema alone. Where the expected number comes from: a session kept open sets
	 * sort_buffer_size to 8 MiB and sorts about 22 MB (200,000 rows of a 100-byte string and a number)
	 * on no index. Filesort grows its buffer as rows come, up to sort_buffer_size; Sort_merge_passes
	 * above 0 shows the rows did not fit, so the buffer reached the whole 8,388,608 bytes, and that
	 * session's tracked high-water mark, hence the largest mark, is at least that.
	 */
	@Test
	void mysql8031HighWaterMarksAsTheProbeReadsThem() throws Exception {
		Server server = LocalMySql.shared(Version.MYSQL_8_0_31);
		server.createProbeUser("SELECT ON performance_schema.*");
		long sortBuffer = 8L << 20;
		try (Connection session = server.root(); Statement statement = session.createStatement()) {
			statement.execute("SET SESSION sort_buffer_size = " + sortBuffer);
			statement.execute("SET SESSION cte_max_recursion_depth = 200000");
			try (ResultSet rows = statement.executeQuery("WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200000) "
					+ "SELECT n, REPEAT(CHAR(65 + n % 26), 100) AS pad FROM seq ORDER BY pad, n DESC")) {
				int read = 0;
				while (rows.next()) {
					read++;
				}
				assertThat(read).isEqualTo(200_000);
			}
			try (ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE 'Sort_merge_passes'")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getLong(2)).as("merge passes: the sort filled its buffer").isPositive();
			}
			// a GROUP BY on no index: an internal temporary table in TempTable (8.0's default engine for them)
			try (ResultSet rows = statement.executeQuery("WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200000) "
					+ "SELECT n % 50000 AS k, COUNT(*) FROM seq GROUP BY k")) {
				int groups = 0;
				while (rows.next()) {
					groups++;
				}
				assertThat(groups).isEqualTo(50_000);
			}
			// the marks cover the connections open now, so the probe reads while the session is still open
			ObservedPeaks observed = probe(server).observed();
			assertThat(observed.typicalTempTableBytes()).as("the session's TempTable RAM (memory/temptable/physical_ram)")
				.isNotNull().isPositive().isLessThanOrEqualTo(observed.typicalBytes());
			assertThat(observed.missing()).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.OBSERVED_MYSQL_UNREADABLE,
					DiagnosticCode.OBSERVED_ACCOUNTS_UNREADABLE, DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION);
			assertThat(observed.source()).isEqualTo("performance_schema.threads.MAX_TOTAL_MEMORY");
			assertThat(observed.hasMarks()).isTrue();
			assertThat(observed.connections()).isPositive(); // the sorting session at least; the probe's own is left out
			// plausible: at least the full sort buffer, and far below anything a 22 MB sort could need with a spill to disk
			assertThat(observed.largestBytes()).as("largest mark").isGreaterThanOrEqualTo(sortBuffer).isLessThan(256L << 20);
			assertThat(observed.typicalBytes()).as("typical mark").isPositive().isLessThanOrEqualTo(observed.largestBytes());
			// accounts.MAX_SESSION_TOTAL_MEMORY is readable with the same grant (when P_S folds an open session into
			// its account is not asserted here)
			assertThat(observed.largestSessionEverBytes()).as("largest session ever").isNotNull().isPositive();
		}
	}

	/**
	 * The event scheduler (ON by default on 8.0) is a FOREGROUND thread with the command Daemon: with no
	 * client connected besides the probe, there are no marks to project from, and the probe says so
	 * rather than projecting every connection at the daemon's near-zero mark.
	 */
	@Test
	void mysql8031DaemonThreadsAreNotClientConnections() throws Exception {
		Server server = LocalMySql.shared(Version.MYSQL_8_0_31);
		server.createProbeUser("SELECT ON performance_schema.*");
		try (Connection root = server.root(); Statement statement = root.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM performance_schema.threads "
						+ "WHERE TYPE = 'FOREGROUND' AND PROCESSLIST_COMMAND = 'Daemon'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getLong(1)).as("foreground daemon threads (the event scheduler)").isPositive();
		}
		ObservedPeaks observed = probe(server).observed();
		assertThat(observed.connections()).as("client connections besides the probe's").isZero();
		assertThat(observed.hasMarks()).isFalse();
		// root's sessions closed before: the accounts keep the largest, and the probe says the projection takes it
		assertThat(observed.largestSessionEverBytes()).as("largest session ever").isNotNull().isPositive();
		assertThat(observed.missing()).extracting(Diagnostic::code).contains(DiagnosticCode.OBSERVED_FROM_LARGEST_SESSION_EVER)
			.doesNotContain(DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION);
	}

	/**
	 * An idle connection that has opened many tables still holds their InnoDB and data-dictionary objects,
	 * which belong to the table and dictionary caches (counted globally through Open_tables): the probe's
	 * mark for it leaves them out. Measured here first: a session that had read 300 tables kept a
	 * MAX_TOTAL_MEMORY of 2,517,859 bytes, 2.4 MB of it in memory/innodb/% and memory/sql/dd::% while idle;
	 * the probe's mark was 142,199 bytes.
	 */
	@Test
	void mysql8031IdleMarksLeaveOutTheTableObjectsTheCachesOwn() throws Exception {
		// a server of its own: 300 more tables grow performance_schema's table instances, which the shared
		// server's size test (MySqlPerformanceSchemaEstimateIntegrationTests) measures at the defaults
		try (Server server = LocalMySql.startWith(Version.MYSQL_8_0_31, null, List.of())) {
			server.createProbeUser("SELECT ON performance_schema.*");
			idleMarksLeaveOutTheTableObjects(server);
		}
	}

	private static void idleMarksLeaveOutTheTableObjects(Server server) throws Exception {
		int tables = 300;
		try (Connection session = server.root(); Statement statement = session.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS opened");
			for (int i = 1; i <= tables; i++) {
				statement.execute("CREATE TABLE IF NOT EXISTS opened.s" + i + " (id INT PRIMARY KEY, v VARCHAR(20))");
			}
			// a fresh connection opens them all, then idles; the session that made them is closed first
		}
		try (Connection reader = server.root(); Statement statement = reader.createStatement()) {
			for (int i = 1; i <= tables; i++) {
				try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM opened.s" + i)) {
					assertThat(rows.next()).isTrue();
				}
			}
			long total;
			long cacheOwned;
			try (Connection root = server.root(); Statement look = root.createStatement();
					ResultSet rows = look.executeQuery("SELECT t.MAX_TOTAL_MEMORY, (SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) "
							+ "FROM performance_schema.memory_summary_by_thread_by_event_name m WHERE m.THREAD_ID = t.THREAD_ID "
							+ "AND (m.EVENT_NAME LIKE 'memory/innodb/%' OR m.EVENT_NAME LIKE 'memory/sql/dd::%')) "
							+ "FROM performance_schema.threads t WHERE t.PROCESSLIST_ID = " + readerId(reader))) {
				assertThat(rows.next()).isTrue();
				total = rows.getLong(1);
				cacheOwned = rows.getLong(2);
			}
			assertThat(cacheOwned).as("InnoDB and dictionary bytes the idle reader holds after %d tables", tables)
				.isGreaterThan(1L << 20);
			ObservedPeaks observed = probe(server).observed();
			assertThat(observed.connections()).as("the reader, the probe's own left out").isEqualTo(1);
			assertThat(observed.typicalTempTableBytes()).as("TempTable RAM: the reader made no temporary table").isZero();
			assertThat(observed.largestBytes()).as("the reader's mark without the caches' objects (MAX_TOTAL_MEMORY %,d)", total)
				.isEqualTo(total - cacheOwned)
				.isLessThan(total - (1L << 20));
		}
	}

	private static long readerId(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
			assertThat(rows.next()).isTrue();
			return rows.getLong(1);
		}
	}

	/** 8.0.15 has no MAX_TOTAL_MEMORY column: the probe says it could not read the marks instead of reporting none. */
	@Test
	void mysql8015HasNoHighWaterMarksAndTheProbeSaysSo() throws Exception {
		Server server = LocalMySql.shared(Version.MYSQL_8_0_15);
		server.createProbeUser("SELECT ON performance_schema.*");
		ObservedPeaks observed = probe(server).observed();
		assertThat(observed.hasMarks()).isFalse();
		assertThat(observed.largestBytes()).isNull();
		// threads.MAX_TOTAL_MEMORY and accounts.MAX_SESSION_TOTAL_MEMORY came with 8.0.31: both statements fail
		assertThat(observed.missing()).extracting(Diagnostic::code).contains(DiagnosticCode.OBSERVED_MYSQL_UNREADABLE,
				DiagnosticCode.OBSERVED_ACCOUNTS_UNREADABLE);
	}

}
