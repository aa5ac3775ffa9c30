package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: "the pool is monotonic in RAM (every 256 MiB step from 512M to 1T on each profile)" — the
 * pool the solver actually recommends, not only the tier table's. Seven profiles × four configurations
 * (stock; my-innodb-heavy-4G's buffers; my-huge's MyISAM buffers; 500 connections), each over every
 * 256 MiB step from 512 MiB to 1 TiB: 28 series of 4,095 hosts.
 * <p>
 * Before the solver cut per-connection buffers below their defaults whenever the tier's pool needs it,
 * this found the pool dropping at 33 steps in 21 of the 28 series, e.g. stock MariaDB 10.6 from
 * 10,496 MiB at 18,688 MiB of RAM to 128 MiB at 18,944 MiB, and MySQL 5.7 stock from 9,984 MiB at
 * 18,176 MiB to 196 MiB at 18,432 MiB: below-default cuts stopped once the smallest pool fitted.
 */
class PoolMonotonicityTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	private static final Planner PLANNER = Planner.standard();

	private static final List<String> PROFILES = List.of("mysql-5.6", "mysql-5.7", "mysql-8.0", "mysql-8.4", "mariadb-10.6",
			"mariadb-10.11", "mariadb-11.4");

	/** name, then variable/value pairs; a variable a profile does not have is left out for it. */
	private static final List<String[]> CONFIGURATIONS = List.of(new String[] { "stock" },
			// the buffers of my-innodb-heavy-4G.cnf (MySQL 5.5 sample files)
			new String[] { "my-innodb-heavy-4G's buffers", "innodb_buffer_pool_size", "2G", "max_connections", "100",
					"sort_buffer_size", "8M", "join_buffer_size", "8M", "read_rnd_buffer_size", "16M", "tmp_table_size", "64M",
					"max_heap_table_size", "64M", "thread_stack", "192K", "query_cache_size", "64M", "key_buffer_size", "32M" },
			// the MyISAM buffers of my-huge.cnf
			new String[] { "my-huge's buffers", "key_buffer_size", "384M", "sort_buffer_size", "2M", "read_buffer_size", "2M",
					"read_rnd_buffer_size", "8M", "query_cache_size", "32M" },
			new String[] { "500 connections", "max_connections", "500" });

	static Stream<Arguments> series() {
		List<Arguments> series = new ArrayList<>();
		for (String profile : PROFILES) {
			for (String[] configuration : CONFIGURATIONS) {
				series.add(Arguments.of(profile, configuration[0], configuration));
			}
		}
		return series.stream();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("series")
	void theRecommendedPoolNeverShrinksAsRamGrows(String profile, String name, String[] configuration) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 1; i < configuration.length; i += 2) {
			if (CATALOG.variable(CATALOG.require(profile), configuration[i]).isPresent()) {
				settings.set(configuration[i], configuration[i + 1], Origin.request());
			}
		}
		List<String> drops = new ArrayList<>();
		long previousRam = 0;
		long previousPool = 0;
		for (long ram = 512 * MIB; ram <= 1024 * GIB; ram += 256 * MIB) {
			ChangeSet chosen = PLANNER.plan(CATALOG.require(profile), settings, HostSpec.ofRam(ram)).solution().chosen();
			long pool = chosen.bufferPoolBytes();
			if (pool < previousPool) {
				drops.add(previousRam / MIB + " -> " + ram / MIB + " MiB RAM: pool " + previousPool / MIB + " -> " + pool / MIB + " MiB");
			}
			previousRam = ram;
			previousPool = pool;
		}
		assertThat(drops).as("%s, %s: steps where a larger host gets a smaller recommended pool", profile, name).isEmpty();
	}

}
