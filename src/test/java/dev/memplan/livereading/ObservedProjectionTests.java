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
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected peak projected from a live server's high-water marks, with the arithmetic written out. */
class ObservedProjectionTests {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	/** The figures of bench/results/terms.txt, as in budget.UnnamedTermsTests. */
	private static final MemoryTerms TERMS = new MemoryTerms(384 * KIB, 4, 3, 58 * KIB, 46, 12 * MIB, 98 * MIB);

	private static final ServerProfile MARIADB = ServerCatalog.standard().require("mariadb-10.11");

	private static final ServerProfile MYSQL = ServerCatalog.standard().require("mysql-8.0");

	/** MariaDB 10.11 defaults: 128M pool, 16M log, 128M key cache, 1M query cache, 128M Aria, 2000 open tables. */
	private final Budget budget = BudgetCalculatorAccess.mariadbDefaults(TERMS);

	private static final Map<String, String> STATUS = Map.of("innodb_buffer_pool_pages_total", "8192",
			"innodb_buffer_pool_pages_free", "6192", "key_blocks_used", "0", "aria_pagecache_blocks_used", "1000", "open_tables", "100",
			"max_used_connections", "40");

	private static LiveSnapshot snapshot(ObservedPeaks observed) {
		return new LiveSnapshot("10.11.19-MariaDB", "Debian", Map.of("max_connections", "151"), STATUS, null, List.of(), List.of(), null, observed);
	}

	/**
	 * bench/results/projection-terms.txt: 2 untracked copies of a sent result; an opened table brought 20 KiB of
	 * index pages into the pool (2,543 pages × 16 KiB / 2,000 tables). The out-of-sample figures do not enter.
	 */
	private static final ProjectionCalibration CALIBRATION = new ProjectionCalibration(79, 19, 22, "-27", "+26", 2, 20 * KIB);

	@Test
	void countsTheCachesAsFarAsTheServerFilledThem() {
		// pool 2000 pages × 16 KiB + log 16M + query cache 1M + Aria 1000 × 8 KiB + 100 open tables × (58 − 20) KiB; key
		// cache unused: 32,768,000 + 16,777,216 + 1,048,576 + 8,192,000 + 3,891,200
		long caches = 2000 * 16384L + 16 * MIB + MIB + 1000 * 8192L + 100 * 38 * KIB;
		assertThat(ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), STATUS, TERMS, CALIBRATION, List.of()))
			.isEqualTo(caches)
			.isEqualTo(62676992L);
	}

	@Test
	void countsAnOpenTableWithoutTheIndexPagesThePoolAlreadyCounts() {
		ProjectionCalibration noPoolShare = new ProjectionCalibration(79, 19, 22, "-27", "+26", 2, 0);
		long whole = ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), STATUS, TERMS, noPoolShare, List.of());
		long net = ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), STATUS, TERMS, CALIBRATION, List.of());
		// Open_tables 100 × 20 KiB = 2,048,000 bytes the pool's 2,000 pages in use already hold
		assertThat(whole - net).isEqualTo(100 * 20 * KIB).isEqualTo(2048000L);
		// the matrix's opentables rows: Open_tables 2,000 × 20 KiB = 39 MiB (40,960,000 bytes) less than before
		Map<String, String> twoThousand = new java.util.HashMap<>(STATUS);
		twoThousand.put("open_tables", "2000");
		assertThat(ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), twoThousand, TERMS, noPoolShare, List.of())
				- ObservedProjection.residentGlobal(this.budget.lineItems(), Map.of(), twoThousand, TERMS, CALIBRATION, List.of()))
			.isEqualTo(40960000L);
	}

	@Test
	void countsMySqlTempTableAtWhatItHoldsNowBecauseTheThreadsMarksCarryItsPeak() {
		Budget mysql = BudgetCalculatorAccess.defaults("mysql-8.0", TERMS);
		assertThat(mysql.lineItems()).anySatisfy((item) -> assertThat(item.id()).isEqualTo("temptable"));
		long idle = ObservedProjection.residentGlobal(mysql.lineItems(), Map.of(), STATUS, TERMS, CALIBRATION, List.of());
		long holding = ObservedProjection.residentGlobal(mysql.lineItems(), Map.of(), STATUS, TERMS, CALIBRATION,
				List.of(new LiveSnapshot.Consumer("innodb", 300 * MIB), new LiveSnapshot.Consumer("temptable", 5 * MIB)));
		// temptable_max_ram (1 GiB) is not counted: only the 5 MiB the pool holds now
		assertThat(holding - idle).isEqualTo(5 * MIB);
		assertThat(idle).isLessThan(1L << 30);
		// the area counts RAM and mapped files alike: 1 GiB + 300 MiB held is the full RAM pool plus 300 MiB of
		// mapped overflow (docs/memory-terms.md#temptable-mmap), neither counted at its cap (1 GiB each)
		long spilled = ObservedProjection.residentGlobal(mysql.lineItems(), Map.of(), STATUS, TERMS, CALIBRATION,
				List.of(new LiveSnapshot.Consumer("temptable", (1L << 30) + 300 * MIB)));
		assertThat(spilled - idle).isEqualTo((1L << 30) + 300 * MIB);
	}

	@Test
	void projectsTheAverageMarkAsResidentMemoryAtMaxUsedAndMaxConnections() {
		ObservedPeaks observed = new ObservedPeaks("information_schema.PROCESSLIST.MAX_MEMORY_USED", 12, 10 * MIB, 30 * MIB, null,
				"system", List.of());
		ProjectionCalibration calibration = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB);
		ObservedProjection projection = ObservedProjection.of(this.budget, snapshot(observed), MARIADB, TERMS, null, calibration);
		// the caches (62,676,992) + the server's base (98 MiB, 102,760,448)
		assertThat(projection.residentGlobalBytes()).isEqualTo(62676992L + 98 * MIB).isEqualTo(165437440L);
		assertThat(projection.perConnectionBytes()).isEqualTo(7759462L); // 74 % of 10 MiB (10485760), floored
		assertThat(projection.atMaxUsedBytes()).isEqualTo(165437440L + 40 * 7759462L); // Max_used_connections = 40
		assertThat(projection.atMaxConnectionsBytes()).isEqualTo(165437440L + 151 * 7759462L);
	}

	/**
	 * MySQL 8.0.31+: the mark's TempTable RAM and the rest become resident in shares of their own
	 * (bench/calibrate-projection.py fits both on the matrix's MySQL rows).
	 */
	@Test
	void mySqlCountsTempTableRamAndTheRestOfAMarkAtTheirOwnShares() {
		ObservedPeaks observed = new ObservedPeaks("performance_schema.threads.MAX_TOTAL_MEMORY", 12, 10 * MIB, 30 * MIB, null, "system",
				List.of(), 6 * MIB);
		ProjectionCalibration calibration = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB, 100, 55);
		ObservedProjection projection = ObservedProjection.of(this.budget, snapshot(observed), MARIADB, TERMS, null, calibration);
		// the rest, 4 MiB at 100 % = 4,194,304; TempTable, 6 MiB (6,291,456) at 55 % = 62,914 × 55 + 56 × 55 / 100 = 3,460,270 + 30
		assertThat(projection.perConnectionBytes()).isEqualTo(4194304L + 3460300L).isEqualTo(7654604L);
		// a TempTable share above the mark (highs of other moments) counts as the whole mark at TempTable's share
		ObservedPeaks over = new ObservedPeaks("x", 12, 10 * MIB, 30 * MIB, null, "system", List.of(), 12 * MIB);
		assertThat(ObservedProjection.of(this.budget, snapshot(over), MARIADB, TERMS, null, calibration).perConnectionBytes())
			.isEqualTo(104857L * 55 + 60 * 55 / 100);
		// no MySQL shares measured: both parts at the one factor
		ProjectionCalibration single = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB);
		assertThat(ObservedProjection.of(this.budget, snapshot(observed), MARIADB, TERMS, null, single).perConnectionBytes())
			.isEqualTo(41943L * 74 + 4 * 74 / 100 + 62914L * 74 + 56 * 74 / 100);
	}

	/**
	 * MySQL 8.0.31 at rest holds more than the base measured on MariaDB, more with a larger pool, and a
	 * connection more than its mark (bench/calibrate-projection.py fits all three on the matrix's idle rows).
	 */
	@Test
	void mySqlHasABaseOfItsOwnThatGrowsWithThePoolAndAConnectionHoldsMoreThanItsMark() {
		ObservedPeaks observed = new ObservedPeaks("performance_schema.threads.MAX_TOTAL_MEMORY", 12, 10 * MIB, 30 * MIB, null, "system",
				List.of());
		ProjectionCalibration calibration = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB, 100, 55,
				new ProjectionCalibration.MySqlBase(130 * MIB, 28 * MIB, 128 * KIB));
		Map<String, String> variables = Map.of("max_connections", "151", "innodb_buffer_pool_size", String.valueOf(1L << 30));
		LiveSnapshot mysql = new LiveSnapshot("8.0.31", "MySQL Community Server - GPL", variables, STATUS, null, List.of(), List.of(), null,
				observed);
		LiveSnapshot mariadb = new LiveSnapshot("10.11.19-MariaDB", "Debian", variables, STATUS, null, List.of(), List.of(), null, observed);
		ObservedProjection onMySql = ObservedProjection.of(this.budget, mysql, MYSQL, TERMS, null, calibration);
		ObservedProjection onMariaDb = ObservedProjection.of(this.budget, mariadb, MARIADB, TERMS, null, calibration);
		// 130 MiB + 1 GiB of pool × 28 MiB per GiB = 158 MiB (165,675,008); MariaDB keeps memory-terms' 98 MiB
		assertThat(onMySql.serverBaseBytes()).isEqualTo(158 * MIB).isEqualTo(165675008L);
		assertThat(onMariaDb.serverBaseBytes()).isEqualTo(98 * MIB);
		assertThat(onMySql.residentGlobalBytes() - onMariaDb.residentGlobalBytes()).isEqualTo(60 * MIB);
		// 74 % of the 10 MiB mark (7,759,462, no TempTable reading) + 128 KiB (131,072) the thread holds untracked
		assertThat(onMySql.perConnectionBytes()).isEqualTo(7759462L + 131072L).isEqualTo(7890534L);
		assertThat(onMariaDb.perConnectionBytes()).isEqualTo(7759462L);
		assertThat(onMySql.atMaxUsedBytes()).isEqualTo(onMySql.residentGlobalBytes() + 40 * 7890534L);
		// a 256 MiB pool: 130 MiB + 7 MiB
		LiveSnapshot small = new LiveSnapshot("8.0.31", "MySQL", Map.of("max_connections", "151", "innodb_buffer_pool_size", "268435456"),
				STATUS, null, List.of(), List.of(), null, observed);
		assertThat(ObservedProjection.of(this.budget, small, MYSQL, TERMS, null, calibration).serverBaseBytes()).isEqualTo(137 * MIB);
		// no base of MySQL's own measured: memory-terms' base and the mark alone
		ProjectionCalibration sharesOnly = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB, 100, 55);
		assertThat(ObservedProjection.of(this.budget, mysql, MYSQL, TERMS, null, sharesOnly).serverBaseBytes()).isEqualTo(98 * MIB);
	}

	@Test
	void theStandardFactorIsTheMeasuredOne() {
		ObservedPeaks observed = new ObservedPeaks("x", 12, 10 * MIB, 30 * MIB, null, "jemalloc 5.3.0", List.of());
		int percent = ProjectionCalibration.standard().residentPerTrackedPercent();
		assertThat(ObservedProjection.of(this.budget, snapshot(observed), MARIADB, TERMS, null).perConnectionBytes())
			.isEqualTo(10 * MIB / 100 * percent + 10 * MIB % 100 * percent / 100);
	}

	@Test
	void noProjectionWithoutMarks() {
		ObservedPeaks none = ObservedPeaks.none("system", List.of(Diagnostic.of(DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION, Severity.INFO, "x")));
		assertThat(ObservedProjection.of(this.budget, snapshot(none), MARIADB, TERMS, null)).isNull();
	}

	/**
	 * MySQL with every client connection closed (a connection memory cap closed them all, as in the matrix's
	 * capped 8.0.31 multitemp rows): each connection is projected at the largest session any account has had.
	 */
	@Test
	void withNoConnectionOpenMySqlProjectsEveryConnectionAtTheLargestSessionEver() {
		ObservedPeaks closed = new ObservedPeaks(null, 0, null, null, 20 * MIB, "system",
				List.of(Diagnostic.of(DiagnosticCode.OBSERVED_FROM_LARGEST_SESSION_EVER, Severity.INFO, "x")));
		ProjectionCalibration calibration = new ProjectionCalibration(74, 37, 42, "-32", "+30", 2, 20 * KIB);
		ObservedProjection projection = ObservedProjection.of(this.budget, snapshot(closed), MARIADB, TERMS, null, calibration);
		assertThat(projection.basis()).isEqualTo(ObservedProjection.Basis.LARGEST_SESSION_EVER);
		// 74 % of 20 MiB (20,971,520) = 209,715 × 74 + 20 × 74 / 100 = 15,518,910 + 14
		assertThat(projection.perConnectionBytes()).isEqualTo(15518924L);
		assertThat(projection.atMaxUsedBytes()).isEqualTo(165437440L + 40 * 15518924L); // Max_used_connections = 40
		// connection_memory_limit 8 MiB, which the largest session reached: the cap closed the connections as they
		// reached it, at different moments; each counts at half of it, 4 MiB, as resident already
		LiveSnapshot capped = new LiveSnapshot("8.0.31", "MySQL", Map.of("max_connections", "151", "connection_memory_limit", "8388608"),
				STATUS, null, List.of(), List.of(), null, closed);
		ObservedProjection atTheCap = ObservedProjection.of(this.budget, capped, MYSQL, TERMS, null, calibration);
		assertThat(atTheCap.basis()).isEqualTo(ObservedProjection.Basis.CONNECTION_MEMORY_LIMIT);
		assertThat(atTheCap.perConnectionBytes()).isEqualTo(4 * MIB).isEqualTo(4194304L);
		// a cap the largest session never reached (32 MiB): the largest session, 74 % of 20 MiB as above
		LiveSnapshot loose = new LiveSnapshot("8.0.31", "MySQL", Map.of("max_connections", "151", "connection_memory_limit", "33554432"),
				STATUS, null, List.of(), List.of(), null, closed);
		assertThat(ObservedProjection.of(this.budget, loose, MYSQL, TERMS, null, calibration).basis())
			.isEqualTo(ObservedProjection.Basis.LARGEST_SESSION_EVER);
		assertThat(ObservedProjection.of(this.budget, loose, MYSQL, TERMS, null, calibration).perConnectionBytes()).isEqualTo(15518924L);
		// the server's default, ULONG_MAX, is no cap
		LiveSnapshot unlimited = new LiveSnapshot("8.0.31", "MySQL",
				Map.of("max_connections", "151", "connection_memory_limit", "18446744073709551615"), STATUS, null, List.of(), List.of(), null, closed);
		assertThat(ObservedProjection.of(this.budget, unlimited, MYSQL, TERMS, null, calibration).basis())
			.isEqualTo(ObservedProjection.Basis.LARGEST_SESSION_EVER);
		ObservedPeaks open = new ObservedPeaks("x", 12, 10 * MIB, 30 * MIB, 20 * MIB, "system", List.of());
		assertThat(ObservedProjection.of(this.budget, snapshot(open), MARIADB, TERMS, null, calibration).basis())
			.as("open connections' marks come first").isEqualTo(ObservedProjection.Basis.OPEN_CONNECTIONS);
	}

	/** The matrix's small bigpacket row at N=50: a 16 MiB statement, then a 30 MB result; the bench states 32M. */
	private static final ObservedPeaks BIGPACKET = new ObservedPeaks("information_schema.PROCESSLIST.MAX_MEMORY_USED", 50, 67185335L,
			67185376L, null, "system", List.of());

	private static LiveSnapshot withPacket(ObservedPeaks observed, String maxAllowedPacket) {
		return new LiveSnapshot("10.11.19-MariaDB", "Debian", Map.of("max_connections", "151", "max_allowed_packet", maxAllowedPacket), STATUS,
				null, List.of(), List.of(), null, observed);
	}

	@Test
	void aStatedPacketCountsTheResultCopiesTheMarksLeaveOutWhenTheyAreMore() {
		ObservedProjection projection = ObservedProjection.of(this.budget, withPacket(BIGPACKET, "67108864"), MARIADB, TERMS, 32 * MIB, CALIBRATION);
		// the mark as resident: 79 % of 67,185,335 = 671,853 × 79 + 35 × 79 / 100 = 53,076,387 + 27 = 53,076,414;
		// the result's untracked copies: 2 × 32 MiB = 67,108,864, the larger (measured: 70.4 MB a connection on the matrix)
		assertThat(CALIBRATION.resident(67185335L)).isEqualTo(53076414L);
		assertThat(projection.perConnectionBytes()).isEqualTo(2 * 32 * MIB).isEqualTo(67108864L);
		assertThat(projection.atMaxUsedBytes()).isEqualTo(165437440L + 40 * 67108864L);
	}

	@Test
	void withoutAStatedPacketTheMarkAloneCounts() {
		// the 1 MiB default is an assumption about statements the server did not see: an idle connection sent no result
		ObservedProjection projection = ObservedProjection.of(this.budget, withPacket(BIGPACKET, "67108864"), MARIADB, TERMS, null, CALIBRATION);
		assertThat(projection.perConnectionBytes()).isEqualTo(53076414L);
	}

	@Test
	void thePacketIsBoundedByMaxAllowedPacketAndASmallOneLeavesTheMark() {
		// stated 1 GiB, but the server sends no packet above max_allowed_packet 64M: 2 × 67,108,864
		assertThat(ObservedProjection.of(this.budget, withPacket(BIGPACKET, "67108864"), MARIADB, TERMS, 1024 * MIB, CALIBRATION).perConnectionBytes())
			.isEqualTo(134217728L);
		// 2 × 16 MiB = 33,554,432 is less than the mark's 53,076,414
		assertThat(ObservedProjection.of(this.budget, withPacket(BIGPACKET, "67108864"), MARIADB, TERMS, 16 * MIB, CALIBRATION).perConnectionBytes())
			.isEqualTo(53076414L);
	}

}
