package dev.memplan.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;
import dev.memplan.support.LocalMySql;
import dev.memplan.support.LocalMySql.Server;
import dev.memplan.support.LocalMySql.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps memplan recommends, in force on a real MySQL 8.0.31 (support/LocalMySql), with bench/matrix.sh's small
 * configuration (50 connections, 2M sort buffers, 16M temp tables in TempTable): every one of the 50 connections,
 * as a user the caps apply to (no SUPER, CONNECTION_ADMIN or SYSTEM_VARIABLES_ADMIN), opens at the same time and
 * runs a small sort and a small GROUP BY (an in-memory TempTable table). The caps memplan used to recommend on a
 * 2 GiB host, 3M and 16M, are the control: they close most of those connections, so the test can fail.
 */
class MySqlCapsIntegrationTests {

	private static final int CONNECTIONS = 50;

	private static final List<String[]> SMALL = List.of(new String[] { "innodb_buffer_pool_size", "256M" },
			new String[] { "max_connections", "50" }, new String[] { "sort_buffer_size", "2M" }, new String[] { "join_buffer_size", "256K" },
			new String[] { "read_buffer_size", "128K" }, new String[] { "read_rnd_buffer_size", "256K" },
			new String[] { "tmp_table_size", "16M" }, new String[] { "max_heap_table_size", "16M" },
			new String[] { "max_allowed_packet", "64M" }, new String[] { "internal_tmp_mem_storage_engine", "TempTable" });

	private static Plan plan(long ram) {
		ServerSettings settings = ServerSettings.empty();
		SMALL.forEach((pair) -> settings.set(pair[0], pair[1], Origin.request()));
		settings.set("log_bin", "ON", Origin.request());
		return Planner.standard().plan(ServerCatalog.standard().require("mysql-8.0"), settings, HostSpec.ofRam(ram));
	}

	@Test
	void theRecommendedCapsLetEveryConnectionRunOrdinaryStatementsWhereTheOldOnesClosedThem() throws Exception {
		Path cnf = Files.createTempFile("memplan-caps", ".cnf");
		StringBuilder text = new StringBuilder("[mysqld]\n");
		SMALL.forEach((pair) -> text.append(pair[0]).append(" = ").append(pair[1]).append('\n'));
		Files.writeString(cnf, text);
		// 4 GiB: the smallest whole GiB on which this configuration fits with TempTable's 1 GiB mapped overflow counted
		Plan small = plan(4L << 30);
		MemoryCaps caps = MemoryCaps.recommend(small.settings(), small.budget(), MemoryTerms.standard(),
				small.solution().demand().mustServe());
		// CeilingFiguresTests: 20 MiB a connection (an ordinary statement tracks 20,021,248 bytes), 51 × 20 MiB together
		assertThat(caps.sessionCapBytes()).isEqualTo(20L << 20);
		assertThat(caps.globalCapBytes()).isEqualTo(51L * (20L << 20));
		// and on 2 GiB, where the old 3M/16M came from, none at all
		Plan twoGib = plan(2L << 30);
		assertThat(MemoryCaps.recommend(twoGib.settings(), twoGib.budget(), MemoryTerms.standard(), 50)).isNull();
		try (Server server = LocalMySql.startWith(Version.MYSQL_8_0_31, cnf, List.of())) {
			prepare(server);
			int refusedBefore = refused(server, 3L << 20, 16L << 20);
			int refusedAfter = refused(server, caps.sessionCapBytes(), caps.globalCapBytes());
			// the least global cap memplan recommends for these 50 connections: 49 open (1,474,560 bytes each by the
			// model's terms) and one running an ordinary statement (20,021,248) = 92,274,688, 88 MiB
			long floor = (CONNECTIONS - 1) * caps.ordinary().idleBytes() + caps.ordinary().statementBytes();
			assertThat(floor).isEqualTo(88L << 20);
			int refusedAtFloor = refused(server, caps.sessionCapBytes(), floor);
			// measured here (twice): 35 of 50 closed with 3M/16M (error 4081: each connection keeps TempTable's 1 MiB block after
			// its GROUP BY, 1,087,664 tracked bytes, and 16M holds about 15 of them), none with 20M/1020M nor 20M/88M
			assertThat(refusedBefore).as("connections closed by the old caps 3M/16M").isGreaterThanOrEqualTo(CONNECTIONS / 2);
			assertThat(refusedAfter).as("connections closed by memplan's caps %,d/%,d", caps.sessionCapBytes(), caps.globalCapBytes())
				.isZero();
			assertThat(refusedAtFloor).as("connections closed with the least global cap, 88M").isZero();
		}
		finally {
			Files.deleteIfExists(cnf);
		}
	}

	/** 2,000 rows, 97 values of c: the GROUP BY's temporary table and the sort stay small. */
	private static void prepare(Server server) throws SQLException {
		try (Connection connection = server.root(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS caps");
			statement.execute("CREATE TABLE IF NOT EXISTS caps.t (id INT PRIMARY KEY AUTO_INCREMENT, c VARCHAR(32), d INT)");
			statement.execute("TRUNCATE caps.t");
			statement.execute("SET SESSION cte_max_recursion_depth = 2000");
			statement.execute("INSERT INTO caps.t (c, d) WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000) "
					+ "SELECT CONCAT('x', n % 97), n % 13 FROM s");
			statement.execute("DROP USER IF EXISTS 'caps'@'%'");
			statement.execute("CREATE USER 'caps'@'%' IDENTIFIED BY 'Caps-Secret-31'");
			statement.execute("GRANT SELECT ON caps.* TO 'caps'@'%'");
		}
	}

	/** Sets the caps (tracking ON), then opens every connection at once and runs the statements; how many failed. */
	private static int refused(Server server, long connectionCap, long globalCap) throws Exception {
		try (Connection connection = server.root(); Statement statement = connection.createStatement()) {
			statement.execute("SET GLOBAL global_connection_memory_tracking = ON");
			statement.execute("SET GLOBAL connection_memory_limit = " + connectionCap);
			statement.execute("SET GLOBAL global_connection_memory_limit = " + globalCap);
		}
		CountDownLatch allOpen = new CountDownLatch(CONNECTIONS);
		CountDownLatch allRan = new CountDownLatch(CONNECTIONS);
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				runs.add(pool.submit(() -> ordinaryWork(server, allOpen, allRan)));
			}
			int refused = 0;
			for (Future<Boolean> run : runs) {
				refused += run.get(60, TimeUnit.SECONDS) ? 0 : 1;
			}
			return refused;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * true when both statements ran; false when the server refused them (a memory limit closed the connection). Every
	 * connection stays open until all have run, as the connections a server must serve are open together.
	 */
	private static boolean ordinaryWork(Server server, CountDownLatch allOpen, CountDownLatch allRan) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("user", "caps");
		properties.setProperty("password", "Caps-Secret-31");
		properties.setProperty("connectTimeout", "5000");
		properties.setProperty("socketTimeout", "30000");
		properties.setProperty("sslMode", "DISABLED");
		properties.setProperty("allowPublicKeyRetrieval", "true");
		Connection connection;
		try {
			connection = DriverManager.getConnection("jdbc:mysql://" + LocalMySql.HOST + ":" + server.port() + "/caps", properties);
		}
		catch (SQLException ex) {
			allOpen.countDown();
			allRan.countDown();
			if (refusal(ex)) {
				return false;
			}
			throw ex;
		}
		allOpen.countDown();
		try (connection; Statement statement = connection.createStatement()) {
			allOpen.await(30, TimeUnit.SECONDS); // every connection open before any statement runs
			drain(statement.executeQuery("SELECT id, c FROM t ORDER BY c, d LIMIT 100"));
			drain(statement.executeQuery("SELECT c, COUNT(*) FROM t GROUP BY c ORDER BY 2 DESC LIMIT 3"));
			allRan.countDown();
			allRan.await(30, TimeUnit.SECONDS);
			return true;
		}
		catch (SQLException ex) {
			allRan.countDown();
			if (refusal(ex)) {
				return false;
			}
			throw ex;
		}
	}

	/** MySQL 4081/4082: "Connection closed. [Global c|C]onnection memory limit N bytes exceeded." */
	private static boolean refusal(SQLException ex) {
		return ex.getErrorCode() == 4081 || ex.getErrorCode() == 4082 || String.valueOf(ex.getMessage()).contains("memory limit");
	}

	private static void drain(ResultSet rows) throws SQLException {
		try (rows) {
			while (rows.next()) {
				rows.getString(1);
			}
		}
	}

}
