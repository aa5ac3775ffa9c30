package dev.memplan.support;

import dev.memplan.budget.MemoryTerms;

/**
 * The totals of the default configurations the web, API and CLI tests plan, written out once:
 * docs/memory-model.md#totals figures (BudgetCalculatorTests) plus the measured terms of
 * catalog/memory-terms.tsv (docs/memory-terms.md), which a new bench/terms.sh run may change.
 */
public final class ExpectedBudget {

	private static final long MIB = 1L << 20;

	private static final MemoryTerms TERMS = MemoryTerms.standard();

	private ExpectedBudget() {
	}

	/** glibc's measured slack on a connection's allocations, floored as the calculator does. */
	public static long slack(long allocations) {
		int percent = TERMS.glibcSlackPercent();
		return allocations / 100 * percent + allocations % 100 * percent / 100;
	}

	/**
	 * TempTable's memory-mapped overflow at 8.0's default temptable_max_mmap (1 GiB, from 8.0.23): in the
	 * ceiling, not in the idle or nominal expected peak (docs/memory-terms.md#temptable-mmap).
	 */
	public static long mysql80MappedOverflow() {
		return 1L << 30;
	}

	/** MySQL 8.0 defaults: {@link #mysql80GlobalWithoutOverflow()} + the mapped overflow. */
	public static long mysql80Global() {
		return mysql80GlobalWithoutOverflow() + mysql80MappedOverflow();
	}

	/**
	 * MySQL 8.0 defaults without TempTable's mapped overflow (what the idle and nominal expected peaks count):
	 * the model's (docs/memory-model.md#totals) 128M pool + 6,710,886 (5 %) + 16M log buffer + 8M key buffer
	 * + 230,238,152 P_S at 151 connections (PerformanceSchemaSizeTests) + 1G TempTable = 1,470,074,414,
	 * + 4000 open tables.
	 */
	public static long mysql80GlobalWithoutOverflow() {
		return 1470074414L + 4000 * TERMS.openTableBytes();
	}

	/**
	 * {@link #mysql80Global()} with max_connections = 500: P_S's estimate there is 353,482,200 in place of
	 * 230,238,152 (PerformanceSchemaSizeTests: two more pages of 256 thread instances).
	 */
	public static long mysql80GlobalAt500() {
		return mysql80Global() + 353482200L - 230238152L;
	}

	/**
	 * With the recommended 11,776 MiB pool on 16 GiB (BufferPoolAdvisorTests): the model's (docs/memory-model.md#totals)
	 * 12,348,030,976 pool + 617,401,548 (5 %) + 16M log buffer + 8M key buffer + 230,238,152 P_S at 151
	 * connections (PerformanceSchemaSizeTests) + 1G TempTable = 14,294,578,324, + 4000 open tables + the
	 * mapped overflow.
	 */
	public static long mysql80GlobalWithRecommendedPool() {
		return 14294578324L + 4000 * TERMS.openTableBytes() + mysql80MappedOverflow();
	}

	/** the model's (docs/memory-model.md#totals) 2,064,384 + the connection's structures + TempTable's 1 MiB block + copies of a 1 MiB packet; slack on all but the 1M stack. */
	public static long mysql80PerConnection() {
		long terms = 2064384L + TERMS.connectionStructuresBytes() + MIB + TERMS.packetCopies() * MIB;
		return terms + slack(terms - MIB);
	}

	/**
	 * The largest max_connections whose ceiling with the recommended 11,776 MiB pool stays within floor(0.85 × 16 GiB),
	 * never below 0: with the mapped overflow at its 1 GiB default the global terms alone pass the limit, so 0.
	 */
	public static long mysql80ConnectionsThatFitOn16GiB() {
		return Math.max(0, (14602888806L - mysql80GlobalWithRecommendedPool()) / mysql80PerConnection() - 1);
	}

	/** The same with the mapped overflow off (temptable_max_mmap = 0, as the solver recommends on this host). */
	public static long mysql80ConnectionsThatFitOn16GiBWithoutOverflow() {
		return (14602888806L - mysql80GlobalWithRecommendedPool() + mysql80MappedOverflow()) / mysql80PerConnection() - 1;
	}

	/** MariaDB 10.11 defaults: the model's (docs/memory-model.md#totals) 420,478,976 + 2000 open tables. */
	public static long mariadb1011Global() {
		return 420478976L + 2000 * TERMS.openTableBytes();
	}

	/** the model's (docs/memory-model.md#totals) 19,861,504 + structures + the temp tables beyond the first (16M each) + packet copies; slack on all but the 299,008 stack. */
	public static long mariadb1011PerConnection() {
		return mariadb1011PerConnection(16 * MIB);
	}

	/** The same with tmp_table_size = max_heap_table_size = {@code tmp}: docs/memory-model.md#totals counts one, the measured count the rest. */
	public static long mariadb1011PerConnection(long tmp) {
		long terms = 19861504L - 16 * MIB + tmp + TERMS.connectionStructuresBytes() + (TERMS.tempTablesPerStatement() - 1) * tmp
				+ TERMS.packetCopies() * MIB;
		return terms + slack(terms - 299008);
	}

	/** 151 connections + the admin slot. */
	public static long mariadb1011WorstCase() {
		return mariadb1011Global() + 152 * mariadb1011PerConnection();
	}

}
