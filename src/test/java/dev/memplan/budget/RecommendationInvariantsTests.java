package dev.memplan.budget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Origin;
import dev.memplan.optionfile.OptionFile;
import dev.memplan.optionfile.OptionFileImporter;
import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of issue 15 over a table of scenarios and over generated configurations: the
 * recommended configuration, planned again through the same Planner, is not OVERCOMMITTED (it
 * fits the budget limit, or says in words that nothing fits and names a host on which it does),
 * keeps the connections the server must serve and never sets max_connections to 0; the tier's
 * pool never shrinks as RAM grows.
 */
class RecommendationInvariantsTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	private static final Planner PLANNER = Planner.standard();

	private static final List<String> PROFILES = List.of("mysql-5.6", "mysql-5.7", "mysql-8.0", "mysql-8.4", "mariadb-10.6",
			"mariadb-10.11", "mariadb-11.4");

	static Stream<Arguments> scenarios() {
		List<Arguments> scenarios = new ArrayList<>();
		// every profile, stock, on 1G, 2G, 8G, 64G and 512G hosts: 35 scenarios
		for (String profile : PROFILES) {
			for (long ram : new long[] { GIB, 2 * GIB, 8 * GIB, 64 * GIB, 512 * GIB }) {
				scenarios.add(Arguments.of(profile + " stock on " + (ram / GIB) + "G", profile, ram, null, new String[0]));
			}
		}
		// the configurations
		scenarios.add(Arguments.of("my-innodb-heavy-4G's buffers on an 8 GiB MySQL 5.6 host", "mysql-5.6", 8 * GIB, null,
				new String[] { "innodb_buffer_pool_size", "2G", "max_connections", "100", "sort_buffer_size", "8M",
						"join_buffer_size", "8M", "read_rnd_buffer_size", "16M", "tmp_table_size", "64M", "max_heap_table_size", "64M",
						"thread_stack", "192K", "query_cache_size", "64M", "key_buffer_size", "32M", "log_bin", "ON" }));
		scenarios.add(Arguments.of("MySQL 8.4, 8 GiB, 500 connections", "mysql-8.4", 8 * GIB, null,
				new String[] { "max_connections", "500" }));
		scenarios.add(Arguments.of("expected 120 against max_connections 96", "mysql-8.0", 16 * GIB, 120L,
				new String[] { "max_connections", "96" }));
		scenarios.add(Arguments.of("my-huge-like MyISAM on MySQL 5.7, 2 GiB", "mysql-5.7", 2 * GIB, null,
				new String[] { "key_buffer_size", "384M", "sort_buffer_size", "2M", "read_buffer_size", "2M",
						"read_rnd_buffer_size", "8M", "query_cache_size", "32M" }));
		scenarios.add(Arguments.of("a vitess-like 8.0 with 10000 connections on 32 GiB", "mysql-8.0", 32 * GIB, null,
				new String[] { "max_connections", "10000", "innodb_buffer_pool_size", "24G" }));
		return scenarios.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void theRecommendationPlannedAgainFitsAndKeepsTheConnections(String name, String server, long ram, Long expected,
			String[] variables) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < variables.length; i += 2) {
			settings.set(variables[i], variables[i + 1], Origin.request());
		}
		assertInvariants(server, HostSpec.ofRam(ram).withExpectedConnections(expected), settings, ConnectionPolicy.KEEP);
	}

	/**
	 * The corpus files as a DBA would upload them, read in place from ../shared/corpus through the
	 * option file importer, each on hosts from 1 GiB to 64 GiB. The vitess files hold no group header
	 * (vitess writes them under [mysqld] itself), so they are read under one.
	 */
	static Stream<Arguments> corpusScenarios() {
		List<Arguments> scenarios = new ArrayList<>();
		Object[][] files = {
				{ "mysql-5.5.27__my-innodb-heavy-4G.cnf", "mysql-5.6", new long[] { 4 * GIB, 8 * GIB, 64 * GIB } },
				{ "mysql-5.5.27__my-innodb-heavy-4G.cnf", "mysql-5.7", new long[] { 8 * GIB } },
				{ "mysql-5.5.27__my-huge.cnf", "mysql-5.6", new long[] { 2 * GIB, 8 * GIB } },
				{ "mysql-5.5.27__my-huge.cnf", "mariadb-10.11", new long[] { 2 * GIB } },
				{ "vitess__mysql84.cnf", "mysql-8.4", new long[] { GIB, 2 * GIB, 8 * GIB, 64 * GIB } },
				{ "vitess__mariadb104.cnf", "mariadb-10.6", new long[] { GIB, 8 * GIB } },
				{ "percona-docker__ps-5.7-group-replication_node.cnf", "mysql-5.7", new long[] { 2 * GIB, 8 * GIB } },
				{ "percona-docker__pxc-8.0_node.cnf", "mysql-8.0", new long[] { 2 * GIB, 8 * GIB } },
				{ "percona-toolkit__sandbox-8.0_my.sandbox.cnf", "mysql-8.0", new long[] { GIB } },
				{ "percona-toolkit__sandbox-5.7_my.sandbox.cnf", "mysql-5.7", new long[] { GIB } },
				{ "percona-toolkit__sandbox-mariadb-10.4_my.sandbox.cnf", "mariadb-10.6", new long[] { GIB } } };
		for (Object[] file : files) {
			for (long ram : (long[]) file[2]) {
				scenarios.add(Arguments.of(file[0] + " as " + file[1] + " on " + ram / MIB + " MiB", file[0], file[1], ram));
			}
		}
		return scenarios.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpusScenarios")
	void corpusFilesPlannedAgainFitAndKeepTheirConnections(String name, String file, String server, long ram) throws IOException {
		String text = Files.readString(Corpus.file("mycnf", file), StandardCharsets.ISO_8859_1);
		if (text.lines().map(String::strip).noneMatch((line) -> line.startsWith("["))) {
			text = "[mysqld]\n" + text;
		}
		ServerSettings settings = new OptionFileImporter(CATALOG).read(List.of(new OptionFile(file, text)), CATALOG.require(server), null)
			.settings();
		assertInvariants(server, HostSpec.ofRam(ram), settings, ConnectionPolicy.KEEP);
	}

	@Test
	void generatedConfigurationsKeepTheInvariants() {
		Random random = new Random(15);
		long[] sizes = { 128 * 1024, 256 * 1024, 1 * MIB, 2 * MIB, 8 * MIB, 16 * MIB, 64 * MIB, 256 * MIB };
		for (int run = 0; run < 150; run++) {
			String server = PROFILES.get(random.nextInt(PROFILES.size()));
			long ram = (512 * MIB) << random.nextInt(11); // 512M to 512G
			ServerSettings settings = ServerSettings.empty();
			for (String name : List.of("sort_buffer_size", "join_buffer_size", "read_buffer_size", "read_rnd_buffer_size",
					"tmp_table_size", "max_heap_table_size")) {
				if (random.nextBoolean()) {
					settings.set(name, Long.toString(sizes[random.nextInt(sizes.length)]), Origin.request());
				}
			}
			settings.set("max_connections", Integer.toString(10 + random.nextInt(3000)), Origin.request());
			if (random.nextBoolean()) {
				settings.set("innodb_buffer_pool_size", Long.toString(ram / 100 * (10 + random.nextInt(90)) / MIB * MIB), Origin.request());
			}
			Long expected = random.nextBoolean() ? (long) (1 + random.nextInt(2000)) : null;
			ConnectionPolicy policy = new ConnectionPolicy(random.nextBoolean(), random.nextBoolean() ? (long) random.nextInt(500) : null, null);
			assertInvariants(server, HostSpec.ofRam(ram).withExpectedConnections(expected), settings, policy);
		}
	}

	@Test
	void theTiersPoolNeverShrinksAsRamGrows() {
		BufferPoolAdvisor advisor = new BufferPoolAdvisor(CATALOG, TierTable.standard());
		for (String server : PROFILES) {
			ServerProfile profile = CATALOG.require(server);
			long previousTarget = 0;
			long previousPool = 0;
			for (long ram = 512 * MIB; ram <= 1024 * GIB; ram += 256 * MIB) {
				Plan plan = PLANNER.plan(profile, ServerSettings.empty(), HostSpec.ofRam(ram));
				long target = plan.recommendation().target().bytes();
				long pool = plan.recommendation().bufferPoolBytes();
				assertThat(plan.solution().chosen().bufferPoolBytes()).as("%s solved pool at %d MiB", server, ram / MIB).isLessThanOrEqualTo(pool);
				assertThat(target).as("%s target at %d MiB", server, ram / MIB).isGreaterThanOrEqualTo(previousTarget);
				assertThat(pool).as("%s pool at %d MiB", server, ram / MIB).isGreaterThanOrEqualTo(previousPool);
				previousTarget = target;
				previousPool = pool;
			}
		}
		// the example: 17G gave 12288M and 17.1G 11264M; now 17.1G gets at least what 15G..17.1G reached
		assertThat(advisor.targetPool((long) (17.1 * GIB))).isGreaterThanOrEqualTo(advisor.targetPool(17 * GIB));
	}

	private static void assertInvariants(String server, HostSpec host, ServerSettings settings, ConnectionPolicy policy) {
		Plan plan = PLANNER.plan(CATALOG.require(server), settings, host, null, policy);
		ChangeSet chosen = plan.solution().chosen();
		ConnectionDemand demand = plan.solution().demand();
		String what = server + " on " + host.hostRamBytes() / MIB + " MiB, " + settings.values().keySet() + ", " + policy;
		assertThat(chosen.maxConnections()).as(what).isGreaterThan(0).isGreaterThanOrEqualTo(demand.mustServe());
		if (!demand.allowFewer()) {
			assertThat(chosen.maxConnections()).as(what).isEqualTo(demand.kept());
		}
		if (chosen.fits()) {
			assertThat(chosen.replanned().verdict()).as(what).isEqualTo(Verdict.FITS);
			assertThat(chosen.replanned().worstCaseBytes()).as(what).isLessThanOrEqualTo(chosen.replanned().budgetLimitBytes());
		}
		else {
			assertThat(chosen.smallestFittingRamBytes()).as(what).isNotNull().isGreaterThan(host.hostRamBytes());
		}
	}

}
