package dev.memplan.livereading;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;
import dev.memplan.budget.Budget;
import dev.memplan.budget.BudgetCalculatorAccess;
import dev.memplan.budget.MemoryTerms;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected peak projected from a live server's high-water marks, with the arithmetic written out. */
class ObservedProjectionTests {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	/** The figures of bench/results/terms.txt, as in budget.UnnamedTermsTests. */
	private static final MemoryTerms TERMS = new MemoryTerms(384 * KIB, 4, 3, 58 * KIB, 46, 12 * MIB, 98 * MIB);

	/** MariaDB 10.11 defaults: 128M pool, 16M log, 128M key cache, 1M query cache, 128M Aria, 2000 open tables. */
	private final Budget budget = BudgetCalculatorAccess.mariadbDefaults(TERMS);

	private static final Map<String, String> STATUS = Map.of("innodb_buffer_pool_pages_total", "8192",
			"innodb_buffer_pool_pages_free", "6192", "key_blocks_used", "0", "aria_pagecache_blocks_used", "1000", "open_tables", "100",
			"max_used_connections", "40");

	private static LiveSnapshot snapshot(ObservedPeaks observed) {
		return new LiveSnapshot("10.11.19-MariaDB", "Debian", Map.of("max_connections", "151"), STATUS, null, List.of(), List.of(), null, observed);
	}

	@Test
	void countsTheCachesAsFarAsTheServerFilledThem() {
		// pool 2000 pages × 16 KiB + log 16M + query cache 1M + Aria 1000 × 8 KiB + 100 open tables × 58 KiB; key cache unused
		long caches = 2000 * 16384L + 16 * MIB + MIB + 1000 * 8192L + 100 * 58 * KIB;
		assertThat(ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), STATUS, TERMS, List.of())).isEqualTo(caches)
			.isEqualTo(64724992L);
	}

	@Test
	void countsMySqlTempTableAtWhatItHoldsNowBecauseTheThreadsMarksCarryItsPeak() {
		Budget mysql = BudgetCalculatorAccess.defaults("mysql-8.0", TERMS);
		assertThat(mysql.lineItems()).anySatisfy((item) -> assertThat(item.id()).isEqualTo("temptable"));
		long idle = ObservedProjection.residentGlobal(mysql.lineItems(), Map.of(), STATUS, TERMS, List.of());
		long holding = ObservedProjection.residentGlobal(mysql.lineItems(), Map.of(), STATUS, TERMS,
				List.of(new LiveSnapshot.Consumer("innodb", 300 * MIB), new LiveSnapshot.Consumer("temptable", 5 * MIB)));
		// temptable_max_ram (1 GiB) is not counted: only the 5 MiB the pool holds now
		assertThat(holding - idle).isEqualTo(5 * MIB);
		assertThat(idle).isLessThan(1L << 30);
	}

	@Test
	void projectsTheAverageMarkAsResidentMemoryAtMaxUsedAndMaxConnections() {
		ObservedPeaks observed = new ObservedPeaks("information_schema.PROCESSLIST.MAX_MEMORY_USED", 12, 10 * MIB, 30 * MIB, null,
				"system", List.of());
		ProjectionCalibration calibration = new ProjectionCalibration(74, 37, 42, "-32", "+30");
		ObservedProjection projection = ObservedProjection.of(this.budget, snapshot(observed), TERMS, calibration);
		assertThat(projection.residentGlobalBytes()).isEqualTo(64724992L + 98 * MIB); // the caches + the server's base
		assertThat(projection.perConnectionBytes()).isEqualTo(7759462L); // 74 % of 10 MiB (10485760), floored
		assertThat(projection.atMaxUsedBytes()).isEqualTo(167485440L + 40 * 7759462L); // Max_used_connections = 40
		assertThat(projection.atMaxConnectionsBytes()).isEqualTo(167485440L + 151 * 7759462L);
	}

	@Test
	void theStandardFactorIsTheMeasuredOne() {
		ObservedPeaks observed = new ObservedPeaks("x", 12, 10 * MIB, 30 * MIB, null, "jemalloc 5.3.0", List.of());
		int percent = ProjectionCalibration.standard().residentPerTrackedPercent();
		assertThat(ObservedProjection.of(this.budget, snapshot(observed), TERMS).perConnectionBytes())
			.isEqualTo(10 * MIB / 100 * percent + 10 * MIB % 100 * percent / 100);
	}

	@Test
	void noProjectionWithoutMarks() {
		ObservedPeaks none = ObservedPeaks.none("system", List.of(Diagnostic.of(DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION, Severity.INFO, "x")));
		assertThat(ObservedProjection.of(this.budget, snapshot(none), TERMS)).isNull();
	}

}
