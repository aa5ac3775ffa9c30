package dev.memplan.budget;

import java.util.List;

import dev.memplan.catalog.VariableSpec;

/**
 * The server's own memory caps, recommended so that the ceiling becomes a guarantee
 * (docs/memory-terms.md#server-side-caps): MariaDB {@code max_session_mem_used}; MySQL 8.0.28+ {@code connection_memory_limit} and
 * {@code global_connection_memory_limit} with {@code global_connection_memory_tracking=ON}. The
 * trade-off: a statement (MariaDB) or connection (MySQL) over the cap fails with an error instead of
 * the host running out of memory. A cap bounds only tracked memory: the thread stack, a temporary
 * table's engine buffers and allocator slack stay outside it ({@link CappedCeiling#untracked}).
 *
 * @param sessionCapBytes the per-session (MariaDB) or per-connection (MySQL) cap
 * @param globalCapBytes MySQL: the cap on all connections together, or null
 * @param cappedWorstCaseBytes the ceiling with these caps in force
 * @param fits true when that ceiling stays within the budget limit; false when even a cap that lets
 * every named buffer be used once cannot bring it there (then lower max_connections or the buffers)
 * @param lines the option-file lines, one {name, value} each
 * @param fromRelease the release the caps need ({@code 8.0.28}) when the plan does not know the
 * server's own (the mysql-8.0 profile stands for the newest 8.0, older ones lack the caps); null
 * when the server is known to have them
 */
public record MemoryCaps(long sessionCapBytes, Long globalCapBytes, long cappedWorstCaseBytes, boolean fits, List<String[]> lines,
		String fromRelease) {

	private static final long MIB = 1L << 20;

	/** MySQL's minimum for connection_memory_limit and global_connection_memory_limit. */
	private static final long MYSQL_MIN_CONNECTION = 2 * MIB;

	private static final long MYSQL_MIN_GLOBAL = 16 * MIB;

	/**
	 * null when the server has no cap to set: MySQL 5.6 and 5.7, and an 8.0 older than 8.0.28
	 * (a live server without connection_memory_limit, a dump whose version predates it;
	 * {@link #missingFrom} says which release would have it).
	 */
	public static MemoryCaps recommend(EffectiveSettings settings, Budget budget, MemoryTerms terms) {
		boolean mariaDb = settings.profile().isMariaDb();
		if (!mariaDb && !settings.has("connection_memory_limit")) {
			return null;
		}
		String capName = mariaDb ? "max_session_mem_used" : "connection_memory_limit";
		String fromRelease = (settings.release() == null) ? settings.variable(capName).map((v) -> v.spec().fromRelease()).orElse(null) : null;
		long untracked = CappedCeiling.untracked(settings, terms, budget.items(Scope.PER_CONNECTION));
		long slots = budget.connectionSlots();
		long room = Math.max(0, budget.budgetLimitBytes() - budget.globalBytes());
		long fit = room / slots - untracked;
		long floor = namedBuffersOnce(budget);
		long tracked = budget.perConnectionBytes() - settings.bytes("thread_stack");
		// A configuration whose ceiling fits without caps gets caps at what the plan already budgets: they
		// stop what the model did not foresee and refuse nothing the plan allows. Caps squeezed into the
		// room left over would refuse ordinary work (MySQL 8.0 defaults beside a recommended pool on 16 GiB
		// got a 2 MiB connection cap and a 16 MiB global cap, below one connection's named buffers).
		boolean fitsUncapped = budget.worstCaseBytes() <= budget.budgetLimitBytes();
		long target = fitsUncapped ? tracked : Math.min(fit, tracked);
		// whole MiB: down from the target, but never below what each named buffer used once needs
		long cap = Math.max(target / MIB * MIB, (floor + MIB - 1) / MIB * MIB);
		cap = Math.max(mariaDb ? 8192 : MYSQL_MIN_CONNECTION, cap);
		long perConnection = Math.min(budget.perConnectionBytes(), cap + untracked);
		long connections = Math.multiplyExact(slots, perConnection);
		Long globalCap = null;
		if (!mariaDb) {
			long fitting = room - Math.multiplyExact(slots, untracked);
			// fitting without caps: every slot at its cap, as planned; else what fits, yet never below one
			// connection's cap (a global cap under it would refuse a connection the session cap allows)
			long global = fitsUncapped ? Math.multiplyExact(slots, cap) : fitting / MIB * MIB;
			globalCap = Math.max(Math.max(MYSQL_MIN_GLOBAL, cap), global);
			connections = Math.min(connections, Math.addExact(globalCap, Math.multiplyExact(slots, untracked)));
		}
		long capped = Math.addExact(budget.globalBytes(), connections);
		List<String[]> lines = mariaDb ? List.<String[]>of(new String[] { "max_session_mem_used", Long.toString(cap) })
				: List.of(new String[] { "connection_memory_limit", Long.toString(cap) },
						new String[] { "global_connection_memory_limit", Long.toString(globalCap) },
						new String[] { "global_connection_memory_tracking", "ON" });
		return new MemoryCaps(cap, globalCap, capped, capped <= budget.budgetLimitBytes(), lines, fromRelease);
	}

	/**
	 * The release that brought the caps when this server's release predates it (MySQL 8.0.15:
	 * {@code 8.0.28}), else null: then nothing on the server stops the connections from reaching
	 * the worst case, and only max_connections and the per-connection buffers keep it in the limit.
	 */
	public static String missingFrom(EffectiveSettings settings) {
		VariableSpec lacking = settings.lacking().get("connection_memory_limit");
		return (lacking != null) ? lacking.fromRelease() : null;
	}

	/**
	 * What an ordinary statement may need: each named buffer once and one temporary table (the terms
	 * that are not estimates, less the thread stack, which no cap tracks).
	 */
	static long namedBuffersOnce(Budget budget) {
		long bytes = 0;
		for (LineItem item : budget.items(Scope.PER_CONNECTION)) {
			if (!item.estimate() && !item.id().equals("thread_stack")) {
				bytes = Math.addExact(bytes, item.bytes());
			}
		}
		return bytes;
	}

}
