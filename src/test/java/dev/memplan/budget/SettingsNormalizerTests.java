package dev.memplan.budget;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Diagnostic;
import dev.memplan.report.EnglishText;

class SettingsNormalizerTests {

	private static final long GIB = 1L << 30;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private final SettingsNormalizer normalizer = new SettingsNormalizer(this.catalog);

	private EffectiveSettings normalize(String server, long hostRam, String... nameValuePairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			settings.set(nameValuePairs[i], nameValuePairs[i + 1], Origin.request());
		}
		return this.normalizer.normalize(this.catalog.require(server), settings, HostSpec.ofRam(hostRam));
	}

	// docs/memory-model.md#normalization, observed with mariadbd 10.11.19 --verbose --help
	@ParameterizedTest
	@CsvSource({
			"read_buffer_size, 100000, 98304", // block 4096: rounded down
			"join_buffer_size, 100, 128", // below the minimum 128
			"thread_stack, 100, 131072", // minimum 128K
			"sort_buffer_size, 10, 1024", // minimum 1K
			"max_allowed_packet, 3G, 1073741824", // maximum 1G
			"tmp_table_size, 100000, 98304", // block 16384
			"key_buffer_size, 1000, 0", // block 4096, minimum 0
			"max_connections, 0, 10" // MariaDB's minimum
	})
	void normalizesAsMariaDb1011Does(String variable, String given, long expected) {
		EffectiveSettings settings = normalize("mariadb-10.11", 16 * GIB, variable, given);
		assertThat(settings.variable(variable).orElseThrow().value()).isEqualTo(expected);
		assertThat(settings.variable(variable).orElseThrow().notes()).isNotEmpty();
		assertThat(settings.diagnostics()).extracting(Diagnostic::code).contains(DiagnosticCode.VALUE_ADJUSTED);
	}

	@Test
	void keepsEachAdjustmentAsAKeyWithItsValuesForOtherLanguages() {
		EffectiveSettings settings = normalize("mariadb-10.11", 16 * GIB, "read_buffer_size", "100000");
		VariableNote note = settings.variable("read_buffer_size").orElseThrow().notes().get(0);
		assertThat(note.key()).isEqualTo("notAMultiple");
		assertThat(note.args()).containsExactly("4 KiB", "96 KiB"); // block 4096, 100000 rounded down to 98304
		assertThat(EnglishText.of(note)).isEqualTo("not a multiple of 4 KiB: rounded down to 96 KiB");
		assertThat(settings.diagnostics()).filteredOn((d) -> d.code() == DiagnosticCode.VALUE_ADJUSTED)
			.singleElement()
			.satisfies((d) -> {
				assertThat(d.messageKey()).isEqualTo("note.notAMultiple");
				assertThat(d.args()).containsExactly("4 KiB", "96 KiB");
			});
	}

	@Test
	void leavesAValidValueAloneWithoutNotes() {
		EffectiveVariable sort = normalize("mysql-8.0", 16 * GIB, "sort_buffer_size", "4M").variable("sort_buffer_size").orElseThrow();
		assertThat(sort.value()).isEqualTo(4L << 20);
		assertThat(sort.notes()).isEmpty();
		assertThat(sort.origin()).isEqualTo(Origin.request());
	}

	@Test
	void roundsBufferPoolUpToChunkTimesInstances() {
		// 9G with 16 instances × 128M chunks (2 GiB granule) → 10G, as MySQL's manual shows
		EffectiveSettings settings = normalize("mysql-8.0", 64 * GIB, "innodb_buffer_pool_size", "9G",
				"innodb_buffer_pool_instances", "16");
		assertThat(settings.bytes("innodb_buffer_pool_size")).isEqualTo(10 * GIB);
		VariableNote note = settings.variable("innodb_buffer_pool_size").orElseThrow().notes().get(0);
		assertThat(EnglishText.of(note)).contains("rounded up");
		assertThat(note.key()).isEqualTo("poolRounded");
		assertThat(note.args()).containsExactly("2 GiB", "16", "128 MiB", "10 GiB");
	}

	@Test
	void truncatesTheChunkWhenChunkTimesInstancesExceedsThePool() {
		// 2G pool, 8 instances × 512M = 4G > 2G → chunk = 2G / 8 = 256M; the pool is then a whole multiple
		// (5.7.22 and 8.0.31 started with this file: chunk 268435456, pool 2147483648; MySqlOptionFileOracleIntegrationTests)
		EffectiveSettings settings = normalize("mysql-5.7", 16 * GIB, "innodb_buffer_pool_size", "2G",
				"innodb_buffer_pool_chunk_size", "512M");
		assertThat(settings.bytes("innodb_buffer_pool_instances")).isEqualTo(8);
		assertThat(settings.bytes("innodb_buffer_pool_chunk_size")).isEqualTo(256L << 20);
		assertThat(settings.bytes("innodb_buffer_pool_size")).isEqualTo(2 * GIB);
	}

	@Test
	void usesOneInstanceBelowAOneGibPoolEvenWhenMoreAreSet() {
		// 5.7.22 with 600M and 4 instances: "Adjusting innodb_buffer_pool_instances from 4 to 1 since
		// innodb_buffer_pool_size is less than 1024 MiB", then 640M (5 chunks of 128M); 8.0.31 the same
		for (String profile : List.of("mysql-5.7", "mysql-8.0")) {
			EffectiveSettings settings = normalize(profile, 16 * GIB, "innodb_buffer_pool_size", "600M",
					"innodb_buffer_pool_instances", "4");
			assertThat(settings.bytes("innodb_buffer_pool_instances")).isEqualTo(1);
			assertThat(settings.bytes("innodb_buffer_pool_size")).isEqualTo(640L << 20);
			VariableNote note = settings.variable("innodb_buffer_pool_instances").orElseThrow().notes().get(0);
			assertThat(EnglishText.of(note)).isEqualTo("the pool is below 1 GiB: the server uses 1 instance, not 4");
		}
		// 8.4: 1 instance up to and including 1 GiB [docs]
		assertThat(normalize("mysql-8.4", 16 * GIB, "innodb_buffer_pool_size", "1G", "innodb_buffer_pool_instances", "4")
			.bytes("innodb_buffer_pool_instances")).isEqualTo(1);
		assertThat(normalize("mysql-8.0", 16 * GIB, "innodb_buffer_pool_size", "1G", "innodb_buffer_pool_instances", "4")
			.bytes("innodb_buffer_pool_instances")).isEqualTo(4);
	}

	@Test
	void roundsMariaDb1011PoolDownToOneMebibyte() {
		EffectiveSettings settings = normalize("mariadb-10.11", 16 * GIB, "innodb_buffer_pool_size", "1500000000");
		assertThat(settings.bytes("innodb_buffer_pool_size")).isEqualTo(1430L << 20); // 1500000000 / 2^20 = 1430.5
	}

	@Test
	void computesBufferPoolInstancesAsMySql80DoesAtStartUp() {
		assertThat(normalize("mysql-8.0", 16 * GIB).bytes("innodb_buffer_pool_instances")).isEqualTo(1); // 128M < 1G
		assertThat(normalize("mysql-8.0", 16 * GIB, "innodb_buffer_pool_size", "4G").bytes("innodb_buffer_pool_instances"))
			.isEqualTo(8);
	}

	@Test
	void computesBufferPoolInstancesOn84FromChunksAndCpus() {
		// 8G pool / 128M chunks / 2 = 32; 16 CPUs / 4 = 4 → 4
		HostSpec host = new HostSpec(32 * GIB, 16, null, HostSpec.DEFAULT_SHARE, 0);
		ServerSettings settings = ServerSettings.empty().set("innodb_buffer_pool_size", "8G", Origin.request());
		assertThat(this.normalizer.normalize(this.catalog.require("mysql-8.4"), settings, host)
			.bytes("innodb_buffer_pool_instances")).isEqualTo(4);
	}

	@ParameterizedTest
	@CsvSource({
			"16, 1073741824", // 3 % of 16 GiB = 0.48 GiB → at least 1 GiB
			"64, 2061584301", // 3 % of 64 GiB: 68719476736 / 100 × 3
			"256, 4294967296" // 7.68 GiB → at most 4 GiB
	})
	void computesTempTableMaxRamOn84FromHostRam(long ramGib, long expected) {
		assertThat(normalize("mysql-8.4", ramGib * GIB).bytes("temptable_max_ram")).isEqualTo(expected);
	}

	@Test
	void sizesThePoolFromRamUnderDedicatedServer() {
		// innodb_dedicated_server, > 4 GiB: 75 % of 16 GiB = 12 GiB
		assertThat(normalize("mysql-8.0", 16 * GIB, "innodb_dedicated_server", "ON").bytes("innodb_buffer_pool_size"))
			.isEqualTo(12 * GIB);
	}

	@Test
	void turnsTheQueryCacheOnWhenMariaDbSeesANonDefaultSize() {
		EffectiveSettings settings = normalize("mariadb-10.11", 16 * GIB, "query_cache_size", "64M");
		assertThat(settings.text("query_cache_type")).isEqualTo("ON");
		assertThat(settings.diagnostics()).extracting(Diagnostic::code).contains(DiagnosticCode.QUERY_CACHE_IMPLIED_ON);
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> normalize("mysql-8.0", 16 * GIB, "sort_buffer_size", "1.5G", "join_buffer_size", "lots",
					"query_cache_size", "1M"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InputProblem::field)
				.containsExactlyInAnyOrder("sort_buffer_size", "join_buffer_size", "query_cache_size"));
	}

	@Test
	void saysThatARemovedVariableDoesNotExistOnThisServer() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> normalize("mysql-8.0", 16 * GIB, "query_cache_size", "1M"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).message().inEnglish()).isEqualTo("query_cache_size does not exist on MySQL 8.0."));
	}

}
