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
 * <p>
 * A DBA signs caps off only when they let ordinary work through ({@link OrdinaryWork}): every connection the
 * server must serve may run an ordinary statement, and (MySQL) all of them may be open with one running it. Where
 * no such caps keep the ceiling within the limit, none are recommended ({@link #cannotFit}): caps squeezed
 * below ordinary work close ordinary connections (3M and 16M, once recommended on a 2 GiB host, closed 35 of 50 connections
 * running a small sort and a small GROUP BY on MySQL 8.0.31).
 *
 * @param sessionCapBytes the per-session (MariaDB) or per-connection (MySQL) cap
 * @param globalCapBytes MySQL: the cap on all connections together, or null
 * @param cappedWorstCaseBytes the ceiling with these caps in force, within the budget limit
 * @param ordinary what the caps let through
 * @param mustServe the connections the server must serve (at most max_connections + 1)
 * @param ordinaryAtOnce MySQL: how many of the connections that must be served the global cap lets run an ordinary
 * statement at the same time, the rest idle; null on MariaDB (no cap on all sessions together)
 * @param lines the option-file lines, one {name, value} each
 * @param fromRelease the release the caps need ({@code 8.0.28}) when the plan does not know the
 * server's own (the mysql-8.0 profile stands for the newest 8.0, older ones lack the caps); null
 * when the server is known to have them
 */
public record MemoryCaps(long sessionCapBytes, Long globalCapBytes, long cappedWorstCaseBytes, OrdinaryWork ordinary,
		long mustServe, Long ordinaryAtOnce, List<String[]> lines, String fromRelease) {

	private static final long MIB = 1L << 20;

	/** MySQL's minimum for connection_memory_limit and global_connection_memory_limit. */
	private static final long MYSQL_MIN_CONNECTION = 2 * MIB;

	private static final long MYSQL_MIN_GLOBAL = 16 * MIB;

	/**
	 * Why no caps are recommended for a configuration that has them: even the least caps that let ordinary work
	 * through leave the ceiling above the limit (then the recommended configuration, which fits without caps, is
	 * the answer, and its caps are set at what its plan budgets).
	 *
	 * @param mustServe the connections the server must serve
	 * @param cappedWorstCaseBytes the ceiling with those least caps in force
	 * @param budgetLimitBytes the limit it stays above
	 */
	public record CannotFit(long mustServe, OrdinaryWork ordinary, long cappedWorstCaseBytes, long budgetLimitBytes) {
	}

	/** The caps for a plan that keeps its max_connections: as {@link #recommend(EffectiveSettings, Budget, MemoryTerms, long)}. */
	public static MemoryCaps recommend(EffectiveSettings settings, Budget budget, MemoryTerms terms) {
		return recommend(settings, budget, terms, budget.connectionSlots() - 1);
	}

	/**
	 * null when the server has no cap to set (MySQL 5.6 and 5.7, and an 8.0 older than 8.0.28: a live server without
	 * connection_memory_limit, a dump whose version predates it; {@link #missingFrom} says which release would have
	 * it), and when no caps that let ordinary work through fit the limit ({@link #cannotFit} says so).
	 */
	public static MemoryCaps recommend(EffectiveSettings settings, Budget budget, MemoryTerms terms, long mustServe) {
		Object outcome = outcome(settings, budget, terms, mustServe);
		return (outcome instanceof MemoryCaps caps) ? caps : null;
	}

	/** Non-null when the server has caps but none that let ordinary work through keep the ceiling within the limit. */
	public static CannotFit cannotFit(EffectiveSettings settings, Budget budget, MemoryTerms terms, long mustServe) {
		Object outcome = outcome(settings, budget, terms, mustServe);
		return (outcome instanceof CannotFit cannot) ? cannot : null;
	}

	private static Object outcome(EffectiveSettings settings, Budget budget, MemoryTerms terms, long mustServe) {
		boolean mariaDb = settings.profile().isMariaDb();
		if (!mariaDb && !settings.has("connection_memory_limit")) {
			return null;
		}
		String capName = mariaDb ? "max_session_mem_used" : "connection_memory_limit";
		String fromRelease = (settings.release() == null) ? settings.variable(capName).map((v) -> v.spec().fromRelease()).orElse(null) : null;
		OrdinaryWork ordinary = OrdinaryWork.of(settings, budget);
		long untracked = CappedCeiling.untracked(settings, terms, budget.items(Scope.PER_CONNECTION));
		long slots = budget.connectionSlots();
		long serve = Math.min(Math.max(1, mustServe), slots);
		long room = Math.max(0, budget.budgetLimitBytes() - budget.globalBytes());
		long fit = room / slots - untracked;
		long tracked = budget.perConnectionBytes() - settings.bytes("thread_stack");
		// A configuration whose ceiling fits without caps gets caps at what the plan already budgets: they
		// stop what the model did not foresee and refuse nothing the plan allows. Caps squeezed into the
		// room left over would refuse ordinary work (MySQL 8.0 defaults beside a recommended pool on 16 GiB
		// got a 2 MiB connection cap and a 16 MiB global cap, below one connection's named buffers).
		boolean fitsUncapped = budget.worstCaseBytes() <= budget.budgetLimitBytes();
		long target = fitsUncapped ? tracked : Math.min(fit, tracked);
		// whole MiB: down from the target, but never below an ordinary statement
		long cap = Math.max(target / MIB * MIB, roundUp(ordinary.statementBytes()));
		cap = Math.max(mariaDb ? 8192 : MYSQL_MIN_CONNECTION, cap);
		long perConnection = Math.min(budget.perConnectionBytes(), cap + untracked);
		long connections = Math.multiplyExact(slots, perConnection);
		Long globalCap = null;
		if (!mariaDb) {
			long fitting = room - Math.multiplyExact(slots, untracked);
			// fitting without caps: every slot at its cap, as planned; else what fits, yet never below every
			// connection that must be served open with one running an ordinary statement, nor one connection's cap
			long global = fitsUncapped ? Math.multiplyExact(slots, cap) : Math.max(fitting / MIB * MIB, roundUp(ordinary.globalFloor(serve)));
			globalCap = Math.max(Math.max(MYSQL_MIN_GLOBAL, cap), global);
			connections = Math.min(connections, Math.addExact(globalCap, Math.multiplyExact(slots, untracked)));
		}
		long capped = Math.addExact(budget.globalBytes(), connections);
		if (!fitsUncapped && capped > budget.budgetLimitBytes()) {
			return new CannotFit(serve, ordinary, capped, budget.budgetLimitBytes());
		}
		List<String[]> lines = mariaDb ? List.<String[]>of(new String[] { "max_session_mem_used", Long.toString(cap) })
				: List.of(new String[] { "connection_memory_limit", Long.toString(cap) },
						new String[] { "global_connection_memory_limit", Long.toString(globalCap) },
						new String[] { "global_connection_memory_tracking", "ON" });
		Long atOnce = mariaDb ? null : ordinary.atOnce(globalCap, serve);
		return new MemoryCaps(cap, globalCap, capped, ordinary, serve, atOnce, lines, fromRelease);
	}

	private static long roundUp(long bytes) {
		return (bytes + MIB - 1) / MIB * MIB;
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

}
