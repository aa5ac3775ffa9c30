package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetSolverTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private static Plan plan(String server, HostSpec host, ServerSettings settings, ConnectionPolicy policy) {
		return Planner.standard().plan(ServerCatalog.standard().require(server), settings, host, null, policy);
	}

	private static Plan plan(String server, HostSpec host, ServerSettings settings, Long measuredPerformanceSchema) {
		return Planner.standard().plan(ServerCatalog.standard().require(server), settings, host, measuredPerformanceSchema,
				ConnectionPolicy.KEEP);
	}

	private static Lever lever(ChangeSet option, String variable) {
		return option.levers().stream().filter((l) -> l.variable().equals(variable)).findFirst().orElse(null);
	}

	private static ServerSettings set(String... pairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < pairs.length; i += 2) {
			settings.set(pairs[i], pairs[i + 1], Origin.request());
		}
		return settings;
	}

	@Test
	void raisesMaxConnectionsToTheExpectedLoadInsteadOfCuttingBelowIt() {
		// the issue: expectedConnections = 120 got a recommendation of 96
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(16 * GIB).withExpectedConnections(120L), set("max_connections", "96"),
				ConnectionPolicy.KEEP);
		ChangeSet chosen = plan.solution().chosen();
		assertThat(plan.solution().demand().mustServe()).isEqualTo(120);
		assertThat(chosen.maxConnections()).isEqualTo(120);
		assertThat(chosen.replanned().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void tradesTempTablesOneGibibyteOnASmallHostSoThePlanFitsAgain() {
		// the issue: MySQL 8.0 on 2 GiB stayed OVERCOMMITTED with TempTable's 1 GiB left as it was;
		// 3 % of 2 GiB is 61 MiB, so the cap goes to the 64 MiB floor. 100 connections: with the measured
		// per-connection terms (docs/memory-terms.md) 151 of them no longer fit 2 GiB whatever is traded
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), set("max_connections", "100"), ConnectionPolicy.KEEP);
		ChangeSet chosen = plan.solution().chosen();
		assertThat(chosen.values()).containsEntry("temptable_max_ram", 64 * MIB).containsEntry("max_connections", 100L);
		assertThat(chosen.replanned().worstCaseBytes()).isLessThanOrEqualTo(chosen.replanned().budgetLimitBytes());
	}

	@Test
	void turnsTempTablesMappedOverflowOffOnASmallHost() {
		// stock 8.0 on 2 GiB with 100 connections: past temptable_max_ram, TempTable may map 1 GiB of files
		// (temptable_max_mmap), all of it resident once touched; 0 sends the overflow to InnoDB on-disk tables
		// as 8.4 does by default. The largest global saving, so the first lever
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), set("max_connections", "100"), ConnectionPolicy.KEEP);
		Lever off = plan.solution().chosen().levers().get(0);
		assertThat(off.variable()).isEqualTo("temptable_max_mmap");
		assertThat(off.from()).isEqualTo(GIB);
		assertThat(off.to()).isZero();
		assertThat(off.kind()).isEqualTo(LeverKind.GLOBAL_TRADE);
		assertThat(off.savesBytes()).isEqualTo(GIB);
		// 8.0.16 to 8.0.22 have no temptable_max_mmap: temptable_use_mmap OFF does it (the assumed 1 GiB saved)
		Plan older = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), set("max_connections", "100").release("8.0.20"), ConnectionPolicy.KEEP);
		Lever switchOff = lever(older.solution().chosen(), "temptable_use_mmap");
		assertThat(switchOff.from()).isEqualTo(1);
		assertThat(switchOff.to()).isZero();
		assertThat(switchOff.isSwitch()).isTrue();
		assertThat(switchOff.savesBytes()).isEqualTo(TempTableOverflow.UNBOUNDED_ASSUMPTION);
		// before 8.0.16 nothing turns it off
		Plan oldest = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), set("max_connections", "100").release("8.0.15"), ConnectionPolicy.KEEP);
		assertThat(oldest.solution().chosen().levers()).extracting(Lever::variable)
			.doesNotContain("temptable_use_mmap", "temptable_max_mmap");
		// 16 GiB: stock 8.0 fits as configured, but the tier's pool (11,776 MiB) does not fit beside the overflow;
		// a global trade comes before the pool, so the overflow goes off there too
		Plan large = plan("mysql-8.0", HostSpec.ofRam(16 * GIB), set("max_connections", "100"), ConnectionPolicy.KEEP);
		assertThat(large.budget().verdict()).isEqualTo(Verdict.FITS);
		// (then temptable_max_ram to 3 % of RAM, 491 MiB; the pool and the buffers are solved after the global trades)
		assertThat(large.solution().chosen().values()).containsEntry("temptable_max_mmap", 0L)
			.containsEntry("temptable_max_ram", 491 * MIB);
	}

	@Test
	void putsPerConnectionBuffersBackToTheirDefaultsLargestSavingFirst() {
		// my-innodb-heavy-4G's buffers on a 96 GiB MySQL 5.6 host with the file's 100 connections: the tier's
		// pool fits once tmp_table_size is back at its default, so nothing else is touched
		ServerSettings heavy = heavy4G();
		Plan plan = plan("mysql-5.6", HostSpec.ofRam(96 * GIB), heavy, ConnectionPolicy.KEEP);
		ChangeSet chosen = plan.solution().chosen();
		assertThat(chosen.maxConnections()).isEqualTo(100);
		// it saves what a connection holds less with 16M temp tables (every temp table of a statement
		// and its slack) × 101 slots: 29,687,619,325 B, more than read_rnd's (16M − 256K) would
		long withDefaultTmp = plan("mysql-5.6", HostSpec.ofRam(96 * GIB), set("innodb_buffer_pool_size", "2G", "max_connections", "100",
				"sort_buffer_size", "8M", "join_buffer_size", "8M", "read_rnd_buffer_size", "16M"), ConnectionPolicy.KEEP)
			.budget().perConnectionBytes();
		assertThat(chosen.levers().get(0).variable()).isEqualTo("tmp_table_size");
		assertThat(chosen.levers().get(0).kind()).isEqualTo(LeverKind.PER_CONNECTION_TO_DEFAULT);
		assertThat(chosen.levers().get(0).savesBytes()).isEqualTo((plan.budget().perConnectionBytes() - withDefaultTmp) * 101)
			.isEqualTo(29_687_619_325L);
		assertThat(chosen.values()).containsEntry("max_heap_table_size", 16 * MIB)
			.doesNotContainKeys("read_rnd_buffer_size", "sort_buffer_size", "join_buffer_size");
		assertThat(chosen.bufferPoolBytes()).isEqualTo(plan.recommendation().bufferPoolBytes());
		assertThat(chosen.replanned().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void goesBelowTheDefaultsBeforeTheTiersPoolShrinks() {
		// the same file on 16 GiB: with every buffer at its default the tier's pool (12,540,968,960 B) does
		// not fit beside 101 connections' ceiling, so tmp_table_size goes to its 4 MiB floor (largest saving
		// first) and the pool takes what is left. Before, buffers went below their defaults only while even a
		// 128 MiB pool did not fit, and the recommended pool fell as the host grew (PoolMonotonicityTests)
		Plan plan = plan("mysql-5.6", HostSpec.ofRam(16 * GIB), heavy4G(), ConnectionPolicy.KEEP);
		ChangeSet chosen = plan.solution().chosen();
		assertThat(plan.budget().verdict()).isEqualTo(Verdict.OVERCOMMITTED);
		assertThat(chosen.maxConnections()).isEqualTo(100);
		Lever tmp = lever(chosen, "tmp_table_size");
		assertThat(tmp.to()).isEqualTo(4 * MIB);
		assertThat(tmp.kind()).isEqualTo(LeverKind.PER_CONNECTION_TO_FLOOR);
		assertThat(chosen.values()).containsEntry("max_heap_table_size", 4 * MIB);
		assertThat(chosen.bufferPoolBytes()).isLessThanOrEqualTo(plan.recommendation().bufferPoolBytes()).isGreaterThan(8 * GIB);
		assertThat(chosen.replanned().verdict()).isNotEqualTo(Verdict.OVERCOMMITTED);
	}

	private static ServerSettings heavy4G() {
		return set("innodb_buffer_pool_size", "2G", "max_connections", "100", "sort_buffer_size", "8M", "join_buffer_size", "8M",
				"read_rnd_buffer_size", "16M", "tmp_table_size", "64M", "max_heap_table_size", "64M");
	}

	@Test
	void saysNothingFitsWithTheSmallestHostThatWould() {
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(GIB), set("max_connections", "5000"), ConnectionPolicy.KEEP);
		ChangeSet chosen = plan.solution().chosen();
		assertThat(chosen.fits()).isFalse();
		assertThat(chosen.maxConnections()).isEqualTo(5000);
		long smallest = chosen.smallestFittingRamBytes();
		assertThat(plan("mysql-8.0", HostSpec.ofRam(smallest), set("max_connections", "5000"), ConnectionPolicy.KEEP)
			.solution().chosen().fits()).isTrue();
		assertThat(plan("mysql-8.0", HostSpec.ofRam(smallest - 256 * MIB), set("max_connections", "5000"), ConnectionPolicy.KEEP)
			.solution().chosen().fits()).isFalse();
	}

	@Test
	void lowersMaxConnectionsOnlyWhenAllowedAndNeverBelowTheObservedLoad() {
		ServerSettings many = set("max_connections", "5000");
		Plan kept = plan("mysql-8.0", HostSpec.ofRam(GIB), many, ConnectionPolicy.KEEP);
		assertThat(kept.solution().chosen().maxConnections()).isEqualTo(5000);
		// Max_used_connections 300, Threads_connected 40: 300 must still be served
		// 6 GiB: 300 connections at the measured per-connection terms need about 2.6 GiB of their own
		Plan allowed = plan("mysql-8.0", HostSpec.ofRam(6 * GIB), many, new ConnectionPolicy(true, 300L, 40L));
		assertThat(allowed.solution().chosen().maxConnections()).isEqualTo(300);
		assertThat(allowed.solution().chosen().replanned().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void switchesPerformanceSchemaOffOnATinyMySqlHostWhereItsSizeIsAnEstimate() {
		// stock MySQL 8.0 on 2 GiB, 151 connections kept. Offline, performance_schema is the estimate at 151
		// connections, 230,238,152 B (PerformanceSchemaSizeTests, docs/memory-model.md#term-performance-schema); the budget
		// limit is 2 GiB x 85 % = 1,825,361,100 B. TempTable's mapped overflow goes off first (1 GiB, the largest
		// saving), its 1 GiB RAM cap to 64 MiB (a cache), then buffers to their floors, then P_S; what is left is the pool
		Plan estimated = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), ServerSettings.empty(), (Long) null);
		ChangeSet chosen = estimated.solution().chosen();
		assertThat(estimated.budget().budgetLimitBytes()).isEqualTo(1_825_361_100L);
		assertThat(chosen.values()).containsEntry("performance_schema", 0L).containsEntry("max_connections", 151L);
		Lever off = lever(chosen, "performance_schema");
		assertThat(off.from()).isEqualTo(1);
		assertThat(off.to()).isEqualTo(0);
		assertThat(off.kind()).isEqualTo(LeverKind.GLOBAL_TRADE);
		// the whole estimate: the recommended configuration with P_S left ON is exactly that much larger
		assertThat(off.savesBytes()).isEqualTo(230_238_152L);
		// ranked after TempTable's overflow (1 GiB saved) and cap (1 GiB - 64 MiB = 1,006,632,960 B saved), before the
		// buffers at their floors
		assertThat(chosen.levers().get(0).variable()).isEqualTo("temptable_max_mmap");
		assertThat(chosen.levers().get(0).savesBytes()).isEqualTo(GIB);
		assertThat(chosen.levers().get(1).variable()).isEqualTo("temptable_max_ram");
		assertThat(chosen.levers().get(1).savesBytes()).isEqualTo(1_006_632_960L);
		assertThat(chosen.levers().get(2).variable()).isEqualTo("performance_schema");
		assertThat(chosen.fits()).isTrue();
		assertThat(chosen.replanned().verdict()).isEqualTo(Verdict.FITS);
		assertThat(chosen.replanned().worstCaseBytes()).isLessThanOrEqualTo(1_825_361_100L);
		assertThat(chosen.replanned().lineItems()).filteredOn((item) -> item.id().equals("performance_schema"))
			.singleElement().satisfies((item) -> assertThat(item.bytes()).isZero());

		// the same server read live, its instruments reporting the same 230,238,152 B: a measured figure is not
		// second-guessed, so nothing is traded, and 151 connections do not fit 2 GiB
		Plan measured = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), ServerSettings.empty(), 230_238_152L);
		assertThat(measured.budget().worstCaseBytes()).isEqualTo(estimated.budget().worstCaseBytes());
		assertThat(measured.solution().chosen().values()).doesNotContainKey("performance_schema");
		assertThat(measured.solution().chosen().fits()).isFalse();
	}

	@Test
	void keepsPerformanceSchemaOnMySqlAboveTwoGibibytes() {
		// 2.25 GiB: the first plan does not fit either (TempTable's 1 GiB), but the pool pays, not P_S
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(2 * GIB + 256 * MIB), ServerSettings.empty(), (Long) null);
		assertThat(plan.budget().verdict()).isEqualTo(Verdict.OVERCOMMITTED);
		assertThat(plan.solution().chosen().values()).containsKey("temptable_max_ram").doesNotContainKey("performance_schema");
		assertThat(plan.solution().chosen().replanned().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void onMariaDbSwitchesPerformanceSchemaBackToItsDefaultUpToFourGibibytes() {
		// MariaDB's default is OFF: someone turned it on; its estimate at 98 connections is 10.11's start-up figure
		// 98,066,000 + 180,224 as connections run statements = 98,246,224 B (PerformanceSchemaSizeTests).
		// On 4 GiB (limit 3.4 GiB), 99 slots with every buffer at its floor leave no room for even a 128 MiB
		// pool beside it (96 connections still fit with a 154 MiB pool, 97 no longer do): OFF, and the pool
		// stays at 128 MiB — what P_S frees is not spent on the pool, or the pool would shrink one step up
		ServerSettings on = set("performance_schema", "ON", "max_connections", "98");
		Plan small = plan("mariadb-10.11", HostSpec.ofRam(4 * GIB), on, (Long) null);
		Lever off = lever(small.solution().chosen(), "performance_schema");
		assertThat(off).isNotNull();
		assertThat(off.savesBytes()).isEqualTo(98_246_224L);
		assertThat(small.solution().chosen().bufferPoolBytes()).isEqualTo(128 * MIB);
		assertThat(small.solution().chosen().replanned().verdict()).isEqualTo(Verdict.FITS);
		// one step larger, 4.25 GiB: kept ON, and the 228 MB more budget still leaves a pool of at least 128 MiB
		Plan larger = plan("mariadb-10.11", HostSpec.ofRam(4 * GIB + 256 * MIB), on, (Long) null);
		assertThat(larger.solution().chosen().values()).doesNotContainKey("performance_schema");
		assertThat(larger.solution().chosen().bufferPoolBytes()).isGreaterThanOrEqualTo(128 * MIB);
		assertThat(larger.solution().chosen().replanned().verdict()).isEqualTo(Verdict.FITS);
		// a smaller load that fits beside a 128 MiB pool with it ON keeps it ON, even on 4 GiB
		Plan fewer = plan("mariadb-10.11", HostSpec.ofRam(4 * GIB), set("performance_schema", "ON", "max_connections", "90"), (Long) null);
		assertThat(fewer.solution().chosen().values()).doesNotContainKey("performance_schema");
		// stock MariaDB runs with it OFF: nothing to trade
		Plan stock = plan("mariadb-10.11", HostSpec.ofRam(GIB), set("max_connections", "20"), (Long) null);
		assertThat(stock.solution().chosen().values()).doesNotContainKey("performance_schema");
	}

	@Test
	void leavesPerformanceSchemaAloneWhenThePlanFits() {
		// MySQL 8.0 with a 64M TempTable cap, its mapped overflow off and 20 connections fits 2 GiB as configured: nothing to trade
		Plan plan = plan("mysql-8.0", HostSpec.ofRam(2 * GIB), set("temptable_max_ram", "64M", "temptable_max_mmap", "0",
				"max_connections", "20", "innodb_buffer_pool_size", "512M"), (Long) null);
		assertThat(plan.budget().verdict()).isEqualTo(Verdict.FITS);
		assertThat(plan.solution().chosen().values()).doesNotContainKey("performance_schema");
	}

}
