package dev.memplan.budget;

import java.util.List;

/**
 * The ceiling with the server's own memory caps in force (docs/memory-terms.md#server-side-caps). A cap bounds only
 * the memory the server tracks; the thread stack, a temporary table's engine buffers and allocator
 * slack stay outside it, so each connection may still hold {@code untrackedPerConnectionBytes} more
 * (measured with the cap in force by bench/terms.sh).
 *
 * @param variables the caps that were found in force
 * @param perConnectionBytes what one connection can hold under the cap (never above the uncapped figure)
 */
public record CappedCeiling(List<String> variables, long capBytes, long untrackedPerConnectionBytes, long perConnectionBytes,
		long worstCaseBytes) {

	/** MariaDB's default for max_session_mem_used: no cap. */
	static final long MARIADB_NO_CAP = Long.MAX_VALUE;

	/** The ceiling with caps, or null when no cap is in force. */
	static CappedCeiling of(EffectiveSettings settings, MemoryTerms terms, List<LineItem> items, long global, long perConnection,
			long slots) {
		long untracked = untracked(settings, terms, items);
		if (settings.profile().isMariaDb()) {
			long cap = cap(settings, "max_session_mem_used");
			if (cap <= 0) {
				return null;
			}
			return capped(List.of("max_session_mem_used"), cap, untracked, global, perConnection, slots, null);
		}
		long cap = cap(settings, "connection_memory_limit");
		long globalCap = settings.isOn("global_connection_memory_tracking") ? cap(settings, "global_connection_memory_limit") : -1;
		boolean perConnectionCap = cap > 0;
		boolean allConnectionsCap = globalCap > 0;
		if (!perConnectionCap && !allConnectionsCap) {
			return null;
		}
		List<String> variables = perConnectionCap && allConnectionsCap
				? List.of("connection_memory_limit", "global_connection_memory_limit", "global_connection_memory_tracking")
				: perConnectionCap ? List.of("connection_memory_limit")
						: List.of("global_connection_memory_limit", "global_connection_memory_tracking");
		return capped(variables, perConnectionCap ? cap : Long.MAX_VALUE, untracked, global, perConnection, slots,
				allConnectionsCap ? globalCap : null);
	}

	/**
	 * A cap's bytes, or -1 when it is absent or at the server's "no cap" default (MariaDB 2^63 − 1,
	 * MySQL 2^64 − 1: values a budget cannot add up, and that bound nothing).
	 */
	private static long cap(EffectiveSettings settings, String name) {
		return settings.variable(name)
			.filter((variable) -> Long.compareUnsigned(variable.value(), MARIADB_NO_CAP) < 0)
			.map(EffectiveVariable::value)
			.orElse(-1L);
	}

	/**
	 * Outside every cap: the thread stack, one temp table's engine-side copy, the measured rest, and the
	 * copies of the largest packet — the server checks a cap after the allocation that passes it, so a
	 * connection holds its packet's copies beyond the cap (8.0.31 with caps held 4,003 MiB against a
	 * capped ceiling of 2,589 MiB when 50 sessions sent 16 MiB statements: bench/README.md#matrix).
	 */
	static long untracked(EffectiveSettings settings, MemoryTerms terms, List<LineItem> items) {
		long tempTable = UnnamedTerms.tempTableEngine(settings) ? 0
				: Math.min(settings.bytes("tmp_table_size"), settings.bytes("max_heap_table_size"));
		long packets = items.stream().filter((item) -> item.id().equals("packet_copies")).mapToLong(LineItem::bytes).sum();
		return Math.addExact(Math.addExact(Math.addExact(settings.bytes("thread_stack"), tempTable), terms.untrackedBeyondTempTableBytes()),
				packets);
	}

	private static CappedCeiling capped(List<String> variables, long cap, long untracked, long global, long perConnection, long slots,
			Long allConnectionsCap) {
		long perConnectionCapped = Math.min(perConnection, saturatedAdd(cap, untracked));
		long connections = saturatedMultiply(slots, perConnectionCapped);
		if (allConnectionsCap != null) {
			connections = Math.min(connections, saturatedAdd(allConnectionsCap, saturatedMultiply(slots, untracked)));
		}
		return new CappedCeiling(variables, cap, untracked, perConnectionCapped, Math.addExact(global, connections));
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

	private static long saturatedMultiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		return (high != 0 || a * b < 0) ? Long.MAX_VALUE : a * b;
	}

}
