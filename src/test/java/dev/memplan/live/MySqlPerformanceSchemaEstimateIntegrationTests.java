package dev.memplan.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.PerformanceSchemaSize;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.support.LocalMySql;
import dev.memplan.support.LocalMySql.Server;
import dev.memplan.support.LocalMySql.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline performance_schema estimate (budget/PerformanceSchemaSize, fitted to bench/ps-size.sh's
 * readings) against the live reading memplan takes (the memory/performance_schema/% instruments) on a
 * real MySQL 8.0.31: the estimate is a ceiling, so the reading is never above it, and within 2 % of it
 * once the connections it counts are open.
 */
class MySqlPerformanceSchemaEstimateIntegrationTests {

	private static final PerformanceSchemaSize MYSQL_80 = PerformanceSchemaSize.of(ServerCatalog.standard().require("mysql-8.0"));

	private static long instruments(Server server) throws SQLException {
		return Long.parseLong(server.scalar(MeasuredMemory.PERFORMANCE_SCHEMA_SIZE));
	}

	@Test
	void atTheDefaultsTheReadingIsTheEstimateWithinTwoPercent() throws Exception {
		Server server = LocalMySql.shared(Version.MYSQL_8_0_31); // --no-defaults: 151 connections, one page of threads
		long estimate = MYSQL_80.bytesAt(151); // 230,238,152 (PerformanceSchemaSizeTests)
		assertThat(instruments(server)).as("P_S instruments vs estimate %,d", estimate)
			.isLessThanOrEqualTo(estimate)
			.isGreaterThanOrEqualTo(estimate - estimate / 50);
	}

	/**
	 * 300 connections: 300 + 1 + 32 background threads need a second page of 256 thread instances, which
	 * P_S allocates only when the threads pass 256 — at start-up it is not there.
	 */
	@Test
	void aSecondPageOfThreadsIsAllocatedWhenTheConnectionsComeNotAtStartUp() throws Exception {
		long estimate = MYSQL_80.bytesAt(300); // 229,208,712 + 1,029,440 + 61,622,024 = 291,860,176
		List<Connection> held = new ArrayList<>();
		try (Server server = LocalMySql.startWith(Version.MYSQL_8_0_31, null, List.of("--max-connections=300"))) {
			long atStart = instruments(server);
			assertThat(atStart).as("at start-up, one page").isLessThan(estimate - MYSQL_80.threadPageBytes() / 2);
			try {
				for (int i = 0; i < 299; i++) {
					Connection connection = server.root();
					held.add(connection);
					try (Statement statement = connection.createStatement()) {
						statement.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'mysql'");
					}
				}
				long full = instruments(server);
				assertThat(full).as("299 connections open (and this one): estimate %,d", estimate)
					.isLessThanOrEqualTo(estimate)
					.isGreaterThanOrEqualTo(estimate - estimate / 50);
				assertThat(full - atStart).as("grown by a page").isGreaterThan(MYSQL_80.threadPageBytes() * 95 / 100);
			}
			finally {
				for (Connection connection : held) {
					connection.close();
				}
			}
		}
	}

}
