package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TempTable's memory-mapped overflow (docs/memory-terms.md#temptable-mmap) on each release and setting that
 * decides it: bounded by temptable_max_mmap from 8.0.23, unbounded (a stated 1 GiB) before, off with
 * temptable_use_mmap=OFF, temptable_max_mmap=0 or the MEMORY engine.
 */
class TempTableOverflowTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private Budget budget(String server, String release, String... nameValuePairs) {
		ServerSettings settings = ServerSettings.empty();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			settings.set(nameValuePairs[i], nameValuePairs[i + 1], Origin.request());
		}
		if (release != null) {
			settings.release(release);
		}
		HostSpec host = HostSpec.ofRam(16 * GIB).withExpectedConnections(50L);
		EffectiveSettings effective = new SettingsNormalizer(this.catalog).normalize(this.catalog.require(server), settings, host);
		return new BudgetCalculator(UnnamedTermsTests.TERMS).calculate(effective, host, null);
	}

	private static LineItem overflow(Budget budget) {
		return budget.lineItems().stream().filter((item) -> item.id().equals("temptable_mmap")).findFirst().orElseThrow();
	}

	@Test
	void newest80CountsTemptableMaxMmapAsAServerBound() {
		LineItem item = overflow(budget("mysql-8.0", null));
		// temptable_max_mmap's 8.0 default (mysqld --verbose --help on 8.0.31: 1073741824): a bound the server keeps
		assertThat(item.bytes()).isEqualTo(GIB);
		assertThat(item.scope()).isEqualTo(Scope.GLOBAL);
		assertThat(item.estimate()).isFalse();
		assertThat(item.variables()).contains("temptable_max_mmap", "temptable_use_mmap", "temptable_max_ram");
		assertThat(item.explanation()).contains("temptable_max_mmap (1 GiB)").contains("resident");
		assertThat(overflow(budget("mysql-8.0", null, "temptable_max_mmap", "256M")).bytes()).isEqualTo(256 * MIB);
	}

	@Test
	void offWhereTheOverflowGoesToInnodbOnDiskTables() {
		for (String[] off : new String[][] { { "temptable_use_mmap", "OFF" }, { "temptable_max_mmap", "0" },
				{ "internal_tmp_mem_storage_engine", "MEMORY" } }) {
			LineItem item = overflow(budget("mysql-8.0", null, off));
			assertThat(item.bytes()).as(off[0]).isZero();
			assertThat(item.estimate()).as(off[0]).isFalse();
		}
		// temptable_use_mmap=OFF wins over a temptable_max_mmap that is set (the variable it deprecates still decides)
		assertThat(overflow(budget("mysql-8.0", null, "temptable_use_mmap", "OFF", "temptable_max_mmap", "2G")).bytes()).isZero();
		// 8.4: temptable_max_mmap defaults to 0 and temptable_use_mmap is gone (8.4 manual)
		Budget mysql84 = budget("mysql-8.4", null);
		assertThat(overflow(mysql84).bytes()).isZero();
		assertThat(overflow(mysql84).variables()).doesNotContain("temptable_use_mmap");
	}

	@Test
	void beforeTemptableMaxMmapTheOverflowIsUnboundedAndAssumed() {
		// 8.0.16 to 8.0.22: temptable_use_mmap exists (ON), temptable_max_mmap does not
		LineItem item = overflow(budget("mysql-8.0", "8.0.20"));
		assertThat(item.bytes()).isEqualTo(TempTableOverflow.UNBOUNDED_ASSUMPTION).isEqualTo(GIB);
		assertThat(item.estimate()).isTrue();
		assertThat(item.variables()).contains("temptable_use_mmap").doesNotContain("temptable_max_mmap");
		assertThat(item.explanation()).contains("nothing bounds them").contains("assumed 1 GiB").contains("temptable_use_mmap=OFF");
		assertThat(overflow(budget("mysql-8.0", "8.0.20", "temptable_use_mmap", "OFF")).bytes()).isZero();
		// 8.0.15 (the real server's SHOW VARIABLES has neither variable): the overflow cannot be turned off
		LineItem early = overflow(budget("mysql-8.0", "8.0.15"));
		assertThat(early.bytes()).isEqualTo(GIB);
		assertThat(early.estimate()).isTrue();
		assertThat(early.explanation()).contains("Before 8.0.16 the overflow cannot be turned off");
	}

	@Test
	void onlyTheCeilingCountsTheOverflow() {
		// at 50 connections the idle and nominal figures leave the overflow out (it needs a full temptable_max_ram),
		// the high end is every term as in the ceiling
		Budget with = budget("mysql-8.0", null);
		Budget without = budget("mysql-8.0", null, "temptable_max_mmap", "0");
		assertThat(with.worstCaseBytes() - without.worstCaseBytes()).isEqualTo(GIB);
		assertThat(with.expectedPeak().highBytes() - without.expectedPeak().highBytes()).isEqualTo(GIB);
		assertThat(with.expectedPeak().lowBytes()).isEqualTo(without.expectedPeak().lowBytes());
		assertThat(with.expectedPeak().nominalBytes()).isEqualTo(without.expectedPeak().nominalBytes());
	}

	@Test
	void mariadbAndMysql57HaveNoTempTable() {
		assertThat(budget("mariadb-10.11", null).lineItems()).extracting(LineItem::id).doesNotContain("temptable_mmap");
		assertThat(budget("mysql-5.7", null).lineItems()).extracting(LineItem::id).doesNotContain("temptable_mmap");
	}

}
