package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected-peak range, the ceiling with caps in force and the caps memplan recommends, with the arithmetic. */
class CeilingFiguresTests {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	private static final long GIB = 1024 * MIB;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private Budget budget(String server, HostSpec host, String... nameValuePairs) {
		return new BudgetCalculator(UnnamedTermsTests.TERMS).calculate(effective(server, host, nameValuePairs), host, null);
	}

	private EffectiveSettings effective(String server, HostSpec host, String... nameValuePairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			settings.set(nameValuePairs[i], nameValuePairs[i + 1], Origin.request());
		}
		return new SettingsNormalizer(this.catalog).normalize(this.catalog.require(server), settings, host);
	}

	@Test
	void expectedPeakOfflineIsARangeFromIdleToTheWorst() {
		Budget budget = budget("mariadb-10.11", HostSpec.ofRam(16 * GIB).withExpectedConnections(10L));
		ExpectedPeak peak = budget.expectedPeak();
		long global = 539262976L; // UnnamedTermsTests: the model's (docs/memory-model.md#totals) 420,478,976 + 2000 open tables × 58 KiB
		assertThat(peak.lowBytes()).isEqualTo(global + 10 * (384 * KIB + 32 * KIB)); // structures + 2 × net_buffer_length
		assertThat(peak.nominalBytes()).isEqualTo(global + 10 * 19861504L); // the model's (docs/memory-model.md#totals) named buffers
		assertThat(peak.highBytes()).isEqualTo(global + 10 * 107511316L); // every term
		assertThat(budget.expectedPeakBytes()).isEqualTo(peak.nominalBytes());
	}

	@Test
	void noExpectedPeakWithoutExpectedConnections() {
		assertThat(budget("mariadb-10.11", HostSpec.ofRam(16 * GIB)).expectedPeak()).isNull();
	}

	@Test
	void noCappedCeilingWithoutACap() {
		assertThat(budget("mariadb-10.11", HostSpec.ofRam(16 * GIB)).capped()).isNull();
		assertThat(budget("mysql-8.0", HostSpec.ofRam(16 * GIB)).capped()).isNull();
	}

	@Test
	void mariadbSessionCapBoundsTrackedMemoryAndAddsWhatItDoesNotTrack() {
		Budget budget = budget("mariadb-10.11", HostSpec.ofRam(16 * GIB), "max_session_mem_used", "24M");
		CappedCeiling capped = budget.capped();
		// untracked: thread_stack 299,008 + one 16M temp table + the measured 12 MiB + 3 copies of the
		// assumed 1 MiB largest packet (a cap is checked after the allocation that passes it)
		assertThat(capped.untrackedPerConnectionBytes()).isEqualTo(299008 + 16 * MIB + 12 * MIB + 3 * MIB).isEqualTo(32804864);
		assertThat(capped.perConnectionBytes()).isEqualTo(24 * MIB + 32804864); // below the uncapped 107,511,316
		assertThat(capped.worstCaseBytes()).isEqualTo(539262976L + 152 * 57970688L);
		assertThat(budget.worstCaseBytes()).isEqualTo(539262976L + 152 * 107511316L); // the ceiling itself is unchanged
	}

	@Test
	void mysqlGlobalCapBoundsAllConnectionsTogether() {
		Budget budget = budget("mysql-8.0", HostSpec.ofRam(16 * GIB), "sort_buffer_size", "256M", "connection_memory_limit", "64M",
				"global_connection_memory_limit", "4G", "global_connection_memory_tracking", "ON");
		CappedCeiling capped = budget.capped();
		// thread_stack 1M + the measured 12 MiB + 3 copies of a 1 MiB packet; TempTable keeps temp tables out of the connection
		long untracked = MIB + 12 * MIB + 3 * MIB;
		assertThat(capped.untrackedPerConnectionBytes()).isEqualTo(untracked);
		assertThat(capped.perConnectionBytes()).isEqualTo(64 * MIB + untracked);
		// min(152 × 80 MiB, 4G + 152 × 16 MiB) = 4G + 2,550,136,832
		assertThat(capped.worstCaseBytes()).isEqualTo(budget.globalBytes() + 4 * GIB + 152 * untracked);
	}

	@Test
	void noMariadbCapWhereCapsThatLetOrdinaryWorkThroughCannotFit() {
		HostSpec host = HostSpec.ofRam(2 * GIB);
		Budget budget = budget("mariadb-10.11", host);
		EffectiveSettings settings = effective("mariadb-10.11", host);
		// an ordinary statement: the model's (docs/memory-model.md#totals) named buffers 19,861,504 less the 299,008
		// stack, plus the connection's 393,216 structures = 19,955,712; the cap for it, in whole MiB: 20 MiB
		assertThat(OrdinaryWork.of(settings, budget).statementBytes()).isEqualTo(19861504L - 299008 + 393216).isEqualTo(19955712L);
		assertThat(MemoryCaps.recommend(settings, budget, UnnamedTermsTests.TERMS)).isNull();
		MemoryCaps.CannotFit cannot = MemoryCaps.cannotFit(settings, budget, UnnamedTermsTests.TERMS, 151);
		// with a 20 MiB cap each of the 152 slots may hold 20 MiB + its untracked 32,804,864 (stack, one 16M temp
		// table, 12 MiB measured, 3 × 1 MiB packet): 539,262,976 + 152 × 53,776,384 = 8,713,273,344 against 1,825,361,100
		assertThat(cannot.cappedWorstCaseBytes()).isEqualTo(539262976L + 152 * (20 * MIB + 32804864L)).isEqualTo(8713273344L);
		assertThat(cannot.budgetLimitBytes()).isEqualTo(1825361100L);
		assertThat(cannot.mustServe()).isEqualTo(151);
	}

	@Test
	void recommendsWhatFitsWhenTheHostHasRoom() {
		HostSpec host = HostSpec.ofRam(64 * GIB);
		Budget budget = budget("mariadb-10.11", host);
		MemoryCaps caps = MemoryCaps.recommend(effective("mariadb-10.11", host), budget, UnnamedTermsTests.TERMS);
		// limit floor(0.85 × 64 GiB) = 58,411,555,225: the ceiling fits without caps, so the cap is all a connection
		// tracks (107,511,316 − 299,008 stack = 107,212,308), in whole MiB: 102 MiB, above the 19,955,712 ordinary statement
		assertThat(caps.sessionCapBytes()).isEqualTo(102 * MIB);
		assertThat(caps.cappedWorstCaseBytes()).isLessThanOrEqualTo(budget.budgetLimitBytes());
		assertThat(caps.globalCapBytes()).isNull();
		assertThat(caps.ordinaryAtOnce()).isNull(); // no cap on all sessions together
	}

	/** bench/matrix.sh's small MySQL configuration: 50 connections, 2M sort buffers, 16M temp tables, the 1G TempTable pool. */
	private static final String[] SMALL = { "innodb_buffer_pool_size", "256M", "max_connections", "50", "sort_buffer_size", "2M",
			"join_buffer_size", "256K", "read_buffer_size", "128K", "read_rnd_buffer_size", "256K", "tmp_table_size", "16M",
			"max_heap_table_size", "16M", "max_allowed_packet", "64M", "log_bin", "ON", "innodb_buffer_pool_chunk_size", "128M",
			"internal_tmp_mem_storage_engine", "TempTable" };

	@Test
	void anOrdinaryMysqlStatementCountsTheTempTableTheCapTracks() {
		HostSpec host = HostSpec.ofRam(3 * GIB);
		OrdinaryWork ordinary = OrdinaryWork.of(effective("mysql-8.0", host, SMALL), budget("mysql-8.0", host, SMALL));
		// structures 393,216 + sort 2,097,152 + join 262,144 + read 131,072 + read_rnd 262,144 + net 32,768 + binlog
		// 65,536 + one temp table min(tmp_table_size 16M, temptable_max_ram 1G) = 16,777,216: the cap counts TempTable's
		// memory (8.0.31: a GROUP BY's temp table took 8,504,812 tracked bytes; a 3M cap closed the connection)
		assertThat(ordinary.statementBytes()).isEqualTo(393216 + 2097152 + 262144 + 131072 + 262144 + 32768 + 65536 + 16777216L)
			.isEqualTo(20021248L);
		// between statements: structures + net buffers + TempTable's 1 MiB thread block (8.0.31 kept 1,087,664 bytes)
		assertThat(ordinary.idleBytes()).isEqualTo(393216 + 32768 + 1048576).isEqualTo(1474560);
	}

	@Test
	void noMysqlCapsOnASmallHostWhereTheyWouldCloseOrdinaryConnections() {
		// 2 GiB: the caps used to be MySQL's minimums pushed up to the named buffers, 3M and 16M, and closed 35 of 50
		// ordinary connections on 8.0.31 (MySqlCapsIntegrationTests)
		HostSpec host = HostSpec.ofRam(2 * GIB);
		Budget budget = budget("mysql-8.0", host, SMALL);
		EffectiveSettings settings = effective("mysql-8.0", host, SMALL);
		// 2,359,886,450 with P_S at the old flat 128 MiB; its estimate at 151 connections is 230,238,152 (PerformanceSchemaSizeTests):
		// 2,455,906,874, + TempTable's 1 GiB mapped overflow (temptable_max_mmap, TempTableOverflowTests)
		assertThat(budget.worstCaseBytes()).isEqualTo(2455906874L + GIB).isEqualTo(3529648698L);
		assertThat(budget.budgetLimitBytes()).isEqualTo(1825361100L);
		assertThat(MemoryCaps.recommend(settings, budget, UnnamedTermsTests.TERMS, 50)).isNull();
		MemoryCaps.CannotFit cannot = MemoryCaps.cannotFit(settings, budget, UnnamedTermsTests.TERMS, 50);
		// the global terms alone (2,922,312,852 with the overflow) pass the 1,825,361,100 limit; the least global cap,
		// 49 idle × 1,474,560 + one ordinary 20,021,248 = 92,274,688 (88 MiB), bounds nothing the 51 × 11,908,546 per
		// connection does not: the ceiling stays where it is
		assertThat(cannot.cappedWorstCaseBytes()).isEqualTo(budget.worstCaseBytes());
		assertThat(cannot.ordinary().statementBytes()).isEqualTo(20021248L);
		assertThat(cannot.mustServe()).isEqualTo(50);
	}

	@Test
	void aSmallConfigurationThatFitsGetsCapsThatLetEveryConnectionRunAnOrdinaryStatement() {
		// 4 GiB: with TempTable's 1 GiB mapped overflow the small configuration no longer fits 3 GiB (3,529,648,698 against
		// 2,738,041,651); on 4 GiB it does (≤ 3,650,722,201)
		HostSpec host = HostSpec.ofRam(4 * GIB);
		Budget budget = budget("mysql-8.0", host, SMALL);
		assertThat(budget.worstCaseBytes()).isEqualTo(3529648698L).isLessThanOrEqualTo(budget.budgetLimitBytes());
		MemoryCaps caps = MemoryCaps.recommend(effective("mysql-8.0", host, SMALL), budget, UnnamedTermsTests.TERMS, 50);
		// what the plan budgets a connection (11,908,546 − 1 MiB stack = 10,859,970, 10 MiB) is below an ordinary
		// statement (20,021,248, 20 MiB up): the cap is 20 MiB, not the 10 MiB the budget alone gave
		assertThat(caps.sessionCapBytes()).isEqualTo(20 * MIB);
		assertThat(caps.globalCapBytes()).isEqualTo(51 * 20 * MIB).isEqualTo(1069547520L); // every slot at its cap
		// (1,069,547,520 − 50 × 1,474,560) / (20,021,248 − 1,474,560) = 53.7: all 50 at once
		assertThat(caps.ordinaryAtOnce()).isEqualTo(50);
		assertThat(caps.cappedWorstCaseBytes()).isEqualTo(budget.worstCaseBytes()); // untracked 16 MiB > 11,908,546: caps bound nothing more
	}

	@Test
	void theGlobalCapBoundsLargeSortBuffersTogetherWhileEachConnectionMayUseOne() {
		HostSpec host = HostSpec.ofRam(8 * GIB);
		Budget budget = budget("mysql-8.0", host, "sort_buffer_size", "64M");
		MemoryCaps caps = MemoryCaps.recommend(effective("mysql-8.0", host, "sort_buffer_size", "64M"), budget, UnnamedTermsTests.TERMS);
		assertThat(caps.lines()).extracting((line) -> line[0])
			.containsExactly("connection_memory_limit", "global_connection_memory_limit", "global_connection_memory_tracking");
		// ordinary: structures 393,216 + sort 67,108,864 + join 262,144 + read 131,072 + read_rnd 262,144 + net 32,768
		// + binlog 65,536 + one 16M temp table = 85,032,960, so the cap is 82 MiB (it was 65 MiB: no temp table)
		assertThat(caps.ordinary().statementBytes()).isEqualTo(85032960L);
		assertThat(caps.sessionCapBytes()).isEqualTo(82 * MIB);
		// global 2,781,384,238 (BudgetCalculatorTests.mysql80Defaults: P_S's estimate 230,238,152 at 151 connections,
		// TempTable's 1 GiB mapped overflow); room 7,301,444,403 − 2,781,384,238 = 4,520,060,165, less 152 slots × 16 MiB
		// untracked = 1,969,923,333, down to whole MiB: 1,878 MiB, far below 152 × 82 MiB = 13,069,451,264: the total
		// bound is the global cap's point
		assertThat(caps.globalCapBytes()).isEqualTo(1878 * MIB).isEqualTo(1969225728L);
		assertThat(caps.globalCapBytes()).isLessThan(152 * caps.sessionCapBytes());
		assertThat(caps.cappedWorstCaseBytes()).isEqualTo(2781384238L + 1969225728L + 152 * 16 * MIB).isEqualTo(7300746798L)
			.isLessThanOrEqualTo(budget.budgetLimitBytes());
		// (1,969,225,728 − 151 × 1,474,560) / (85,032,960 − 1,474,560) = 20.9: 20 of the 151 sort at once, the rest idle
		assertThat(caps.ordinaryAtOnce()).isEqualTo(20);
		assertThat(caps.mustServe()).isEqualTo(151);
	}

	@Test
	void aConfigurationThatFitsGetsCapsAtWhatThePlanBudgetsNotTheRoomLeftOver() {
		// MySQL 8.0 on 16 GiB with a 10 GiB pool, as memplan's advice fills a host: the ceiling fits without
		// caps with a few MiB a slot to spare, less than the 16 MiB each slot holds outside any cap; the caps
		// used to be squeezed into that room (a live 8.0 got connection_memory_limit 2M, global 16M)
		HostSpec host = HostSpec.ofRam(16 * GIB);
		// (memplan's advice also turns TempTable's mapped overflow off there: temptable_max_mmap 0)
		Budget budget = budget("mysql-8.0", host, "innodb_buffer_pool_size", "10G", "temptable_max_ram", "491M", "temptable_max_mmap", "0");
		assertThat(budget.worstCaseBytes()).isLessThanOrEqualTo(budget.budgetLimitBytes());
		assertThat((budget.budgetLimitBytes() - budget.worstCaseBytes()) / 152).isLessThan(16 * MIB);
		MemoryCaps caps = MemoryCaps.recommend(effective("mysql-8.0", host, "innodb_buffer_pool_size", "10G", "temptable_max_ram", "491M",
				"temptable_max_mmap", "0"),
				budget, UnnamedTermsTests.TERMS);
		long tracked = budget.perConnectionBytes() - MIB; // all a connection holds but its 1M thread stack
		// the larger of that and an ordinary statement (the defaults' buffers and a 16M temp table), each in whole MiB
		long ordinary = caps.ordinary().statementBytes();
		assertThat(ordinary).isGreaterThan(16 * MIB);
		assertThat(caps.sessionCapBytes()).isEqualTo(Math.max(tracked / MIB * MIB, (ordinary + MIB - 1) / MIB * MIB));
		// every one of the 152 slots at its cap, as planned
		assertThat(caps.globalCapBytes()).isEqualTo(152 * caps.sessionCapBytes());
		assertThat(caps.cappedWorstCaseBytes()).isLessThanOrEqualTo(budget.worstCaseBytes());
		assertThat(caps.cappedWorstCaseBytes()).isLessThanOrEqualTo(budget.budgetLimitBytes());
	}

	@Test
	void mysql57HasNoCapToRecommend() {
		HostSpec host = HostSpec.ofRam(4 * GIB);
		assertThat(MemoryCaps.recommend(effective("mysql-5.7", host), budget("mysql-5.7", host), UnnamedTermsTests.TERMS)).isNull();
	}

}
