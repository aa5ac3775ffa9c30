package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terms no variable names, each with its bytes written out. The figures are those of
 * bench/results/terms.txt (MariaDB 10.11.19, 2026-12-01), fixed here so that a new run of the bench
 * changes the resource, not these rules.
 */
class UnnamedTermsTests {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	/** connection 384 KiB (filesort row: 2,388 − 2,048 KiB sort buffer, rounded up to 64 KiB); 4 temp tables
	 * (32M row: (127,035 − 2,048) / 32,768 = 3.81); 3 packet copies (78,923 KiB / 29,297 KiB = 2.69);
	 * 58 KiB per open table (115,432 KiB / 2,000); glibc 46 % (49,635 / 34,162 = 1.453); 12 MiB untracked;
	 * 98 MiB server base (178,056 − 4,858 × 16 − 11 × 8 KiB). */
	static final MemoryTerms TERMS = new MemoryTerms(384 * KIB, 4, 3, 58 * KIB, 46, 12 * MIB, 98 * MIB);

	private final ServerCatalog catalog = ServerCatalog.standard();

	private Budget budget(String server, Workload workload, String... nameValuePairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			settings.set(nameValuePairs[i], nameValuePairs[i + 1], Origin.request());
		}
		HostSpec host = HostSpec.ofRam(16L << 30).withWorkload(workload);
		EffectiveSettings effective = new SettingsNormalizer(this.catalog).normalize(this.catalog.require(server), settings, host);
		return new BudgetCalculator(TERMS).calculate(effective, host, null);
	}

	private static LineItem item(Budget budget, String id) {
		return budget.lineItems().stream().filter((item) -> item.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void everyConnectionHoldsItsMeasuredStructures() {
		LineItem item = item(budget("mariadb-10.11", Workload.DEFAULTS), "connection_structures");
		assertThat(item.bytes()).isEqualTo(393216); // 384 KiB
		assertThat(item.estimate()).isTrue();
		assertThat(item.scope()).isEqualTo(Scope.PER_CONNECTION);
	}

	@Test
	void countsTheMeasuredTempTablesBeyondTheFirst() {
		LineItem item = item(budget("mariadb-10.11", Workload.DEFAULTS), "more_tmp_tables");
		assertThat(item.bytes()).isEqualTo(3 * 16 * MIB); // (4 − 1) × min(16M, 16M)
		assertThat(item.explanation()).contains("4 in-memory temporary tables").contains("4 measured");
	}

	@Test
	void takesTheTempTableCountFromTheWorkload() {
		Workload two = new Workload(2, null, null);
		assertThat(item(budget("mariadb-10.11", two, "tmp_table_size", "64M", "max_heap_table_size", "32M"), "more_tmp_tables").bytes())
			.isEqualTo(32 * MIB); // (2 − 1) × min(64M, 32M)
	}

	@Test
	void tempTableEngineHoldsNoPerConnectionTempTablesButAThreadBlock() {
		Budget budget = budget("mysql-8.0", Workload.DEFAULTS);
		assertThat(item(budget, "more_tmp_tables").bytes()).isZero(); // TempTable draws on temptable_max_ram
		assertThat(item(budget, "temptable_thread_block").bytes()).isEqualTo(MIB); // about 1 MiB per thread, MySQL 8.0 manual
		Budget memory = budget("mysql-8.0", Workload.DEFAULTS, "internal_tmp_mem_storage_engine", "MEMORY");
		assertThat(item(memory, "temptable_thread_block").bytes()).isZero();
		assertThat(item(memory, "more_tmp_tables").bytes()).isEqualTo(3 * 16 * MIB);
	}

	@Test
	void assumesOneMebibytePacketsUnlessTold() {
		LineItem item = item(budget("mariadb-10.11", Workload.DEFAULTS), "packet_copies");
		assertThat(item.bytes()).isEqualTo(3 * MIB); // 3 copies × the assumed 1 MiB
		assertThat(item.explanation()).contains("assumed");
	}

	@Test
	void boundsTheLargestPacketByMaxAllowedPacket() {
		Workload big = new Workload(null, 64 * MIB, null);
		assertThat(item(budget("mariadb-10.11", big), "packet_copies").bytes()).isEqualTo(3 * 16 * MIB); // 16M default on MariaDB
		assertThat(item(budget("mariadb-10.11", big, "max_allowed_packet", "1G"), "packet_copies").bytes()).isEqualTo(3 * 64 * MIB);
	}

	@Test
	void countsEveryOpenTableOfTheCache() {
		assertThat(item(budget("mariadb-10.11", Workload.DEFAULTS), "open_tables").bytes()).isEqualTo(2000 * 58 * KIB);
		assertThat(item(budget("mysql-8.0", Workload.DEFAULTS), "open_tables").bytes()).isEqualTo(4000 * 58 * KIB); // 4000 on 8.0
		assertThat(item(budget("mariadb-10.11", Workload.DEFAULTS), "open_tables").scope()).isEqualTo(Scope.GLOBAL);
	}

	@Test
	void glibcSlackIsItsMeasuredShareOfEveryAllocationButTheStack() {
		Budget budget = budget("mariadb-10.11", Workload.DEFAULTS);
		// sort 2M + join 256K + read 128K + read_rnd 256K + net 32K + tmp 16M + 384K + 3 × 16M + 3M; the stack is not malloc'd
		long allocations = 2 * MIB + 256 * KIB + 128 * KIB + 256 * KIB + 32 * KIB + 16 * MIB + 384 * KIB + 48 * MIB + 3 * MIB;
		assertThat(allocations).isEqualTo(73433088);
		assertThat(item(budget, "allocator_slack").bytes()).isEqualTo(33779220); // 46 % of 73,433,088, floored
	}

	@Test
	void jemallocAndTcmallocAddNoSlack() {
		assertThat(item(budget("mariadb-10.11", new Workload(null, null, Allocator.JEMALLOC)), "allocator_slack").bytes()).isZero();
		LineItem tcmalloc = item(budget("mariadb-10.11", new Workload(null, null, Allocator.TCMALLOC)), "allocator_slack");
		assertThat(tcmalloc.bytes()).isZero();
		assertThat(tcmalloc.explanation()).contains("not measured");
	}

	@Test
	void theCeilingAddsEveryTermToMemoryModelSectionOne() {
		Budget budget = budget("mariadb-10.11", Workload.DEFAULTS);
		// docs/memory-model.md#global-terms: 128M pool + 16M log + 128M key + 1M query cache + 128M Aria = 420,478,976; + 2000 open tables × 58 KiB
		assertThat(budget.globalBytes()).isEqualTo(420478976L + 118784000L);
		// the model's (docs/memory-model.md#totals) 19,861,504 + 384 KiB + 48M + 3M + the slack 33,779,220
		assertThat(budget.perConnectionBytes()).isEqualTo(19861504L + 393216 + 48 * MIB + 3 * MIB + 33779220).isEqualTo(107511316L);
		assertThat(budget.worstCaseBytes()).isEqualTo(539262976L + 152 * 107511316L); // 151 + 1 slots
	}

	@Test
	void readsTheAllocatorFromVersionMallocLibrary() {
		assertThat(Allocator.parse("system")).isEqualTo(Allocator.GLIBC);
		assertThat(Allocator.parse("jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c")).isEqualTo(Allocator.JEMALLOC);
		assertThat(Allocator.parse("tcmalloc")).isEqualTo(Allocator.TCMALLOC);
		assertThat(Allocator.parse("mimalloc")).isNull();
	}

}
