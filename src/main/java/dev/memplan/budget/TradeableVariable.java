package dev.memplan.budget;

import java.util.List;

/**
 * A variable the solver may lower, how far, and why that far. Per-connection buffers go back to
 * their defaults first; only on a host too small for the defaults beside the tier's pool do they
 * go below, to floors a DBA would sign off on. {@code companion} is set to the same value (max_heap_table_size with
 * tmp_table_size: the in-memory temporary table stops at the smaller of the two).
 *
 * @param floorBytes the lowest value memplan proposes; the reason is the message {@code lever.floor.<name>}
 */
record TradeableVariable(String name, String companion, LeverKind kind, long floorBytes) {

	private static final long KIB = 1L << 10;

	private static final long MIB = 1L << 20;

	/** In the order of the issue: the usual largest savings first; the solver ranks them by bytes anyway. */
	static final List<TradeableVariable> PER_CONNECTION = List.of(
			// below 4 MiB most GROUP BY results go to disk at once
			perConnection("tmp_table_size", "max_heap_table_size", 4 * MIB),
			// MySQL's own default; a larger sort merges through temporary files (Sort_merge_passes)
			perConnection("sort_buffer_size", null, 256 * KIB),
			// a join without an index re-reads the inner table once per buffer fill
			perConnection("join_buffer_size", null, 128 * KIB),
			perConnection("read_rnd_buffer_size", null, 64 * KIB),
			perConnection("read_buffer_size", null, 64 * KIB),
			// below the default, transactions spill their binary log events to a temporary file
			perConnection("binlog_cache_size", null, 32 * KIB),
			perConnection("binlog_stmt_cache_size", null, 32 * KIB));

	static TradeableVariable perConnection(String name, String companion, long floor) {
		return new TradeableVariable(name, companion, LeverKind.PER_CONNECTION_TO_DEFAULT, floor);
	}

}
