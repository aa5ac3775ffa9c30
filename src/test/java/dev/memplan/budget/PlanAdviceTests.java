package dev.memplan.budget;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.report.EnglishText;

import static org.assertj.core.api.Assertions.assertThat;

/** The warnings a DBA expects on a plan, and none they don't (docs/memory-model.md#advice). */
class PlanAdviceTests {

	private static final long GIB = 1L << 30;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private List<Diagnostic> advice(String server, long ram, String... nameValues) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValues.length; i += 2) {
			settings.set(nameValues[i], nameValues[i + 1], Origin.optionFile("my.cnf", 2 + i / 2));
		}
		return Planner.standard().plan(this.catalog.require(server), settings, HostSpec.ofRam(ram)).diagnostics();
	}

	private static List<Diagnostic> coded(List<Diagnostic> diagnostics, DiagnosticCode code) {
		return diagnostics.stream().filter((d) -> d.code() == code).toList();
	}

	@Test
	void aPoolAtOrAboveRamIsAnErrorOfItsOwn() {
		List<Diagnostic> atRam = coded(advice("mysql-8.0", 8 * GIB, "innodb_buffer_pool_size", "8G"), DiagnosticCode.POOL_AT_OR_ABOVE_RAM);
		assertThat(atRam).singleElement().satisfies((d) -> {
			assertThat(d.severity()).isEqualTo(Severity.ERROR);
			assertThat(d.origin()).isEqualTo(Origin.optionFile("my.cnf", 2));
			assertThat(EnglishText.of(d)).startsWith("innodb_buffer_pool_size (8 GiB) is at or above the host's RAM (8 GiB)");
		});
		// 7G on 8G: below RAM, above the 6.8 GiB limit (85 %)
		List<Diagnostic> aboveLimit = advice("mysql-8.0", 8 * GIB, "innodb_buffer_pool_size", "7G");
		assertThat(coded(aboveLimit, DiagnosticCode.POOL_AT_OR_ABOVE_RAM)).isEmpty();
		assertThat(coded(aboveLimit, DiagnosticCode.POOL_ABOVE_LIMIT)).singleElement()
			.satisfies((d) -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
		assertThat(coded(advice("mysql-8.0", 8 * GIB, "innodb_buffer_pool_size", "5G"), DiagnosticCode.POOL_ABOVE_LIMIT)).isEmpty();
	}

	@Test
	void maxConnectionsInTheTensOfThousandsIsQuestioned() {
		assertThat(coded(advice("mariadb-10.11", 512 * GIB, "max_connections", "20000"), DiagnosticCode.MAX_CONNECTIONS_VERY_HIGH))
			.singleElement().satisfies((d) -> assertThat(d.args().get(0)).isEqualTo("20000"));
		assertThat(coded(advice("mariadb-10.11", 512 * GIB, "max_connections", "9999"), DiagnosticCode.MAX_CONNECTIONS_VERY_HIGH)).isEmpty();
	}

	@Test
	void everyPerConnectionBufferIsWeighedByItsShareOfRam() {
		// read_rnd_buffer_size 16M × 152 slots (151 + admin) = 2,550,136,832 bytes = 59 % of 4 GiB (whole percent, floored)
		List<Diagnostic> readRnd = advice("mysql-5.7", 4 * GIB, "read_rnd_buffer_size", "16M");
		assertThat(coded(readRnd, DiagnosticCode.PER_CONNECTION_LARGE_SHARE)).singleElement().satisfies((d) -> {
			assertThat(d.variable()).isEqualTo("read_rnd_buffer_size");
			assertThat(d.args()).containsExactly("read_rnd_buffer_size", "16 MiB", "152", "2.4 GiB", "59");
		});
		// binlog_cache_size 8M on MySQL 8.0 (binary log on by default): 8M + 32K stmt cache × 152 = 30 % of 4 GiB
		assertThat(coded(advice("mysql-8.0", 4 * GIB, "binlog_cache_size", "8M"), DiagnosticCode.PER_CONNECTION_LARGE_SHARE))
			.extracting(Diagnostic::variable).containsExactly("binlog_cache_size");
		// sort_buffer_size 8M on 64 GiB: 1.9 % of RAM, no share warning, but the usual advice about a large global sort buffer
		List<Diagnostic> sort = advice("mysql-8.0", 64 * GIB, "sort_buffer_size", "8M");
		assertThat(coded(sort, DiagnosticCode.PER_CONNECTION_LARGE_SHARE)).isEmpty();
		assertThat(coded(sort, DiagnosticCode.LARGE_PER_CONNECTION_BUFFER)).extracting(Diagnostic::variable).containsExactly("sort_buffer_size");
		// the same 8M on 2 GiB: the share warning replaces the advice, one finding per variable
		List<Diagnostic> small = advice("mysql-8.0", 2 * GIB, "sort_buffer_size", "8M");
		assertThat(coded(small, DiagnosticCode.PER_CONNECTION_LARGE_SHARE)).extracting(Diagnostic::variable).containsExactly("sort_buffer_size");
		assertThat(coded(small, DiagnosticCode.LARGE_PER_CONNECTION_BUFFER)).isEmpty();
	}

	@Test
	void aQueryCacheAbove64MiBIsAWarning() {
		assertThat(coded(advice("mysql-5.7", 16 * GIB, "query_cache_type", "1", "query_cache_size", "256M"), DiagnosticCode.QUERY_CACHE_LARGE))
			.singleElement().satisfies((d) -> assertThat(EnglishText.of(d)).startsWith("The query cache is 256 MiB: above 64 MiB"));
		assertThat(coded(advice("mysql-5.7", 16 * GIB, "query_cache_type", "1", "query_cache_size", "64M"), DiagnosticCode.QUERY_CACHE_LARGE)).isEmpty();
	}

	@Test
	void underTempTableTmpTableSizeIsComparedWithTemptableMaxRamNotTheHeapSize() {
		// MySQL 8.0 defaults to TempTable: 2G tmp_table_size against the 1G temptable_max_ram, max_heap_table_size 16M
		List<Diagnostic> tempTable = advice("mysql-8.0", 64 * GIB, "tmp_table_size", "2G");
		assertThat(coded(tempTable, DiagnosticCode.TMP_TABLE_ABOVE_TEMPTABLE_RAM)).singleElement()
			.satisfies((d) -> assertThat(d.args()).containsExactly("2 GiB", "1 GiB"));
		assertThat(coded(tempTable, DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP)).isEmpty();
		// 64M against 1G: nothing under TempTable, where the heap comparison used to fire
		assertThat(advice("mysql-8.0", 64 * GIB, "tmp_table_size", "64M")).extracting(Diagnostic::code)
			.doesNotContain(DiagnosticCode.TMP_TABLE_ABOVE_TEMPTABLE_RAM, DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP);
		// MEMORY as the internal engine (and MariaDB, MySQL 5.7): the heap size still caps the in-memory table
		assertThat(coded(advice("mysql-8.0", 64 * GIB, "internal_tmp_mem_storage_engine", "MEMORY", "tmp_table_size", "64M"),
				DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP)).hasSize(1);
		assertThat(coded(advice("mysql-5.7", 64 * GIB, "tmp_table_size", "64M"), DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP)).hasSize(1);
	}

	@Test
	void theWorstCasePassingRamIsWordedAsNominal() {
		Diagnostic above = coded(advice("mariadb-10.11", 2 * GIB), DiagnosticCode.WORST_CASE_ABOVE_RAM).get(0);
		assertThat(EnglishText.of(above)).startsWith("The nominal worst case passes RAM: if all 151 connections")
			.doesNotContain("would end it");
	}

	@Test
	void aStockConfigurationOnAFittingHostGetsNoneOfThese() {
		List<Diagnostic> stock = advice("mysql-8.0", 64 * GIB);
		assertThat(stock).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.POOL_AT_OR_ABOVE_RAM, DiagnosticCode.POOL_ABOVE_LIMIT,
				DiagnosticCode.MAX_CONNECTIONS_VERY_HIGH, DiagnosticCode.PER_CONNECTION_LARGE_SHARE, DiagnosticCode.QUERY_CACHE_LARGE);
	}

}
