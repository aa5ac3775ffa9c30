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
	void recommendsAMariadbCapThatLetsEachNamedBufferBeUsedOnce() {
		HostSpec host = HostSpec.ofRam(2 * GIB);
		Budget budget = budget("mariadb-10.11", host);
		MemoryCaps caps = MemoryCaps.recommend(effective("mariadb-10.11", host), budget, UnnamedTermsTests.TERMS);
		// (limit − global) / 152 − untracked is below zero on 2G, so the floor: the model's (docs/memory-model.md#totals) 19,861,504 less the
		// 299,008 stack = 19,562,496, rounded up to 19 MiB
		assertThat(caps.sessionCapBytes()).isEqualTo(19 * MIB);
		assertThat(caps.cappedWorstCaseBytes()).isEqualTo(539262976L + 152 * (19 * MIB + 32804864L));
		assertThat(caps.fits()).isFalse(); // 7.4 GiB against a 1.7 GiB limit: fewer connections are the answer
		assertThat(caps.lines()).hasSize(1);
		assertThat(caps.lines().get(0)).containsExactly("max_session_mem_used", Long.toString(19 * MIB));
	}

	@Test
	void recommendsWhatFitsWhenTheHostHasRoom() {
		HostSpec host = HostSpec.ofRam(64 * GIB);
		Budget budget = budget("mariadb-10.11", host);
		MemoryCaps caps = MemoryCaps.recommend(effective("mariadb-10.11", host), budget, UnnamedTermsTests.TERMS);
		// limit floor(0.85 × 64 GiB) = 58,411,555,225; (limit − 539,262,976) / 152 = 380,738,764 − 32,804,864 untracked
		// = 347,933,900 is more than all a connection tracks (107,511,316 − 299,008), so the cap is that, in whole MiB: 102 MiB
		assertThat(caps.sessionCapBytes()).isEqualTo(102 * MIB);
		assertThat(caps.fits()).isTrue();
	}

	@Test
	void recommendsMysqlPerConnectionAndGlobalCaps() {
		HostSpec host = HostSpec.ofRam(8 * GIB);
		Budget budget = budget("mysql-8.0", host, "sort_buffer_size", "64M");
		MemoryCaps caps = MemoryCaps.recommend(effective("mysql-8.0", host, "sort_buffer_size", "64M"), budget, UnnamedTermsTests.TERMS);
		assertThat(caps.lines()).extracting((line) -> line[0])
			.containsExactly("connection_memory_limit", "global_connection_memory_limit", "global_connection_memory_tracking");
		assertThat(caps.globalCapBytes()).isNotNull();
		// the global cap leaves each slot its untracked 16 MiB (1M stack + 12 MiB + 3 × 1 MiB packet) within the limit
		assertThat(caps.globalCapBytes() + 152 * 16 * MIB).isLessThanOrEqualTo(budget.budgetLimitBytes() - budget.globalBytes());
	}

	@Test
	void aConfigurationThatFitsGetsCapsAtWhatThePlanBudgetsNotTheRoomLeftOver() {
		// MySQL 8.0 on 16 GiB with a 10 GiB pool, as memplan's advice fills a host: the ceiling fits without
		// caps with a few MiB a slot to spare, less than the 16 MiB each slot holds outside any cap; the caps
		// used to be squeezed into that room (a live 8.0 got connection_memory_limit 2M, global 16M)
		HostSpec host = HostSpec.ofRam(16 * GIB);
		Budget budget = budget("mysql-8.0", host, "innodb_buffer_pool_size", "10G", "temptable_max_ram", "491M");
		assertThat(budget.worstCaseBytes()).isLessThanOrEqualTo(budget.budgetLimitBytes());
		assertThat((budget.budgetLimitBytes() - budget.worstCaseBytes()) / 152).isLessThan(16 * MIB);
		MemoryCaps caps = MemoryCaps.recommend(effective("mysql-8.0", host, "innodb_buffer_pool_size", "10G", "temptable_max_ram", "491M"),
				budget, UnnamedTermsTests.TERMS);
		long tracked = budget.perConnectionBytes() - MIB; // all a connection holds but its 1M thread stack
		assertThat(caps.sessionCapBytes()).isEqualTo(tracked / MIB * MIB);
		assertThat(caps.sessionCapBytes()).isGreaterThan(2 * MIB);
		// every one of the 152 slots at its cap, as planned
		assertThat(caps.globalCapBytes()).isEqualTo(152 * caps.sessionCapBytes());
		assertThat(caps.cappedWorstCaseBytes()).isLessThanOrEqualTo(budget.worstCaseBytes());
		assertThat(caps.fits()).isTrue();
	}

	@Test
	void mysql57HasNoCapToRecommend() {
		HostSpec host = HostSpec.ofRam(4 * GIB);
		assertThat(MemoryCaps.recommend(effective("mysql-5.7", host), budget("mysql-5.7", host), UnnamedTermsTests.TERMS)).isNull();
	}

}
