package dev.memplan.budget;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each term of docs/memory-model.md#global-terms and #per-connection-terms on each kind of server, with the
 * arithmetic written out. The terms no variable names (docs/memory-terms.md) use the figures fixed in
 * {@link UnnamedTermsTests#TERMS}.
 */
class BudgetCalculatorTests {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	private static final long GIB = 1024 * MIB;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private Budget budget(String server, HostSpec host, String... nameValuePairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			settings.set(nameValuePairs[i], nameValuePairs[i + 1], Origin.request());
		}
		EffectiveSettings effective = new SettingsNormalizer(this.catalog).normalize(this.catalog.require(server), settings, host);
		return new BudgetCalculator(UnnamedTermsTests.TERMS).calculate(effective, host, null);
	}

	private static long item(Budget budget, String id) {
		return budget.lineItems().stream().filter((item) -> item.id().equals(id)).findFirst().orElseThrow().bytes();
	}

	@Test
	void mysql80Defaults() {
		Budget budget = budget("mysql-8.0", HostSpec.ofRam(16 * GIB));
		assertThat(item(budget, "buffer_pool")).isEqualTo(128 * MIB);
		assertThat(item(budget, "buffer_pool_overhead")).isEqualTo(6710886); // 5 % of 128 MiB, floored
		assertThat(item(budget, "log_buffer")).isEqualTo(16 * MIB);
		assertThat(item(budget, "key_cache")).isEqualTo(8 * MIB);
		// offline estimate: 8.0.31's P_S at 151 connections, 229,208,712 at start-up + 1,029,440 as they run
		// statements (catalog/performance-schema.tsv; PerformanceSchemaSizeTests)
		assertThat(item(budget, "performance_schema")).isEqualTo(230238152L);
		assertThat(item(budget, "temptable")).isEqualTo(GIB);
		// TempTable's memory-mapped overflow past temptable_max_ram: temptable_max_mmap, 1G by default from 8.0.23
		assertThat(item(budget, "temptable_mmap")).isEqualTo(GIB);
		// 128M + 6710886 + 16M + 8M + 230,238,152 + 1G = 1,470,074,414, + 4000 open tables × 58 KiB (1,707,642,414),
		// + the 1G mapped overflow
		assertThat(budget.globalBytes()).isEqualTo(1470074414L + 4000 * 58 * KIB + GIB).isEqualTo(2781384238L);
		assertThat(item(budget, "binlog_caches")).isEqualTo(64 * KIB); // binary log on by default in 8.0
		assertThat(item(budget, "tmp_table")).isZero(); // TempTable holds them, not each connection
		assertThat(item(budget, "thread_stack")).isEqualTo(MIB);
		assertThat(item(budget, "net_buffers")).isEqualTo(32 * KIB); // 2 × 16K
		// docs/memory-model.md#per-connection-terms: sort 256K + join 256K + read 128K + read_rnd 256K + stack 1M + net 32K + binlog 64K = 2,064,384;
		// + connection 384 KiB + TempTable block 1M + 3 × 1M packets = 6,651,904; + 46 % of all but the stack (5,603,328)
		assertThat(budget.perConnectionBytes()).isEqualTo(2064384 + 393216 + MIB + 3 * MIB + 2577530).isEqualTo(9229434);
		assertThat(budget.connectionSlots()).isEqualTo(152); // 151 + the admin slot
		assertThat(budget.worstCaseBytes()).isEqualTo(2781384238L + 152 * 9229434L);
		assertThat(budget.expectedPeakBytes()).isNull();
		assertThat(budget.budgetLimitBytes()).isEqualTo(14602888806L); // floor(0.85 × 16 GiB)
		assertThat(budget.verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void mariadb1011Defaults() {
		Budget budget = budget("mariadb-10.11", HostSpec.ofRam(16 * GIB));
		assertThat(item(budget, "buffer_pool_overhead")).isZero(); // carved out of the pool
		assertThat(item(budget, "query_cache")).isEqualTo(MIB); // allocated even with query_cache_type=OFF
		assertThat(item(budget, "aria_pagecache")).isEqualTo(128 * MIB);
		assertThat(item(budget, "key_cache")).isEqualTo(128 * MIB);
		assertThat(item(budget, "performance_schema")).isZero(); // OFF by default
		// 128M pool + 16M log + 128M key + 1M query cache + 128M Aria = 420,478,976, + 2000 open tables × 58 KiB
		assertThat(budget.globalBytes()).isEqualTo(420478976L + 2000 * 58 * KIB);
		assertThat(item(budget, "binlog_caches")).isZero(); // binary log off
		assertThat(item(budget, "tmp_table")).isEqualTo(16 * MIB);
		// docs/memory-model.md#per-connection-terms: sort 2M + join 256K + read 128K + read_rnd 256K + stack 299008 + net 32K + tmp 16M = 19,861,504;
		// the unnamed terms add 87,649,812 (UnnamedTermsTests.theCeilingAddsEveryTermToMemoryModelSectionOne)
		assertThat(budget.perConnectionBytes()).isEqualTo(107511316);
		assertThat(budget.worstCaseBytes()).isEqualTo(539262976L + 152 * 107511316L);
	}

	@Test
	void mysql56Defaults() {
		Budget budget = budget("mysql-5.6", HostSpec.ofRam(16 * GIB));
		assertThat(item(budget, "additional_mem_pool")).isZero(); // innodb_use_sys_malloc=ON: a dummy
		assertThat(item(budget, "query_cache")).isEqualTo(MIB);
		assertThat(item(budget, "log_buffer")).isEqualTo(8 * MIB);
		// 128M pool + 6,710,886 (5 %) + 8M log + 8M key + 1M query cache + P_S 137,581,896 (5.7.22's estimate at
		// 151 connections, which stands for 5.6: PerformanceSchemaSizeTests) = 296,336,302, + 2000 open tables
		assertThat(item(budget, "performance_schema")).isEqualTo(137581896L);
		assertThat(budget.globalBytes()).isEqualTo(296336302L + 2000 * 58 * KIB);
		// docs/memory-model.md#per-connection-terms: sort 256K + join 256K + read 128K + read_rnd 256K + stack 256K + net 32K + tmp 16M = 17,989,632;
		// + 384 KiB + 3 × 16M temp tables + 3 × 1M packets = 71,860,224; + 46 % of it less the stack (71,598,080)
		assertThat(budget.perConnectionBytes()).isEqualTo(71860224L + 32935116);
		assertThat(budget.lineItems()).extracting(LineItem::id).doesNotContain("temptable", "aria_pagecache");
	}

	@Test
	void countsTheAdditionalMemPoolOnlyWithoutTheSystemAllocator() {
		Budget budget = budget("mysql-5.6", HostSpec.ofRam(16 * GIB), "innodb_use_sys_malloc", "OFF");
		assertThat(item(budget, "additional_mem_pool")).isEqualTo(8 * MIB);
	}

	@Test
	void countsBinlogCachesOnlyWhenTheBinaryLogIsOn() {
		assertThat(item(budget("mariadb-10.11", HostSpec.ofRam(16 * GIB), "log_bin", "ON"), "binlog_caches")).isEqualTo(64 * KIB);
		assertThat(item(budget("mysql-8.0", HostSpec.ofRam(16 * GIB), "log_bin", "OFF"), "binlog_caches")).isZero();
	}

	@Test
	void countsPerConnectionTempTablesUnderTheMemoryEngine() {
		Budget budget = budget("mysql-8.0", HostSpec.ofRam(16 * GIB), "internal_tmp_mem_storage_engine", "MEMORY",
				"tmp_table_size", "64M", "max_heap_table_size", "32M");
		assertThat(item(budget, "tmp_table")).isEqualTo(32 * MIB); // the smaller of the two
		assertThat(item(budget, "temptable")).isZero();
	}

	@Test
	void expectedPeakUsesTheExpectedConnections() {
		Budget budget = budget("mysql-8.0", HostSpec.ofRam(16 * GIB).withExpectedConnections(40L));
		// the model's (docs/memory-model.md#totals) nominal figure at 40 connections: the global terms + 40 × the named buffers;
		// without TempTable's mapped overflow, which only a full temptable_max_ram reaches (ExpectedPeak)
		assertThat(budget.expectedPeakBytes()).isEqualTo(1707642414L + 40 * 2064384L);
	}

	@Test
	void verdictIsOvercommittedWhenTheWorstCasePassesRam() {
		Budget budget = budget("mariadb-10.11", HostSpec.ofRam(2 * GIB)); // worst case 15.7 GiB
		assertThat(budget.verdict()).isEqualTo(Verdict.OVERCOMMITTED);
	}

	@Test
	void verdictIsTightBetweenTheLimitAndRam() {
		// worst case 16,880,983,008 (15.7 GiB); on 18 GiB the limit is 15.3 GiB
		Budget budget = budget("mariadb-10.11", HostSpec.ofRam(18 * GIB));
		assertThat(budget.verdict()).isEqualTo(Verdict.TIGHT);
	}

	@Test
	void verdictIsAtLeastTightWhenTheExpectedPeakPassesTheLimit() {
		assertThat(BudgetCalculator.verdict(100, 90L, 80, 200)).isEqualTo(Verdict.TIGHT);
		assertThat(BudgetCalculator.verdict(80, 70L, 80, 200)).isEqualTo(Verdict.FITS);
	}

	@Test
	void limitIsTheShareOfRamMinusWhatIsReserved() {
		HostSpec host = new HostSpec(16 * GIB, null, null, new BigDecimal("0.5"), 2 * GIB);
		assertThat(BudgetCalculator.budgetLimit(host)).isEqualTo(6 * GIB); // 8 GiB − 2 GiB
	}

	@Test
	void addsNamedKeyCachesToTheDefaultOne() {
		ServerSettings settings = ServerSettings.empty().setNamedKeyCache("hot_cache", "64M", Origin.request());
		HostSpec host = HostSpec.ofRam(16 * GIB);
		EffectiveSettings effective = new SettingsNormalizer(this.catalog).normalize(this.catalog.require("mysql-5.7"), settings, host);
		Budget budget = new BudgetCalculator(UnnamedTermsTests.TERMS).calculate(effective, host, null);
		assertThat(item(budget, "key_cache")).isEqualTo(8 * MIB + 64 * MIB);
	}

	@Test
	void usesTheMeasuredPerformanceSchemaWhenThereIsOne() {
		HostSpec host = HostSpec.ofRam(16 * GIB);
		EffectiveSettings effective = new SettingsNormalizer(this.catalog).normalize(this.catalog.require("mysql-8.0"),
				ServerSettings.empty(), host);
		Budget budget = new BudgetCalculator(UnnamedTermsTests.TERMS).calculate(effective, host, 200 * MIB);
		LineItem ps = budget.lineItems().stream().filter((item) -> item.id().equals("performance_schema")).findFirst().orElseThrow();
		assertThat(ps.bytes()).isEqualTo(200 * MIB);
		assertThat(ps.estimate()).isFalse();
	}

}
