package dev.memplan.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.memplan.catalog.VariableSpec;
import dev.memplan.core.ByteSize;

/**
 * Finds the changes that make the worst case fit the budget limit, in a DBA's order of
 * preference: per-connection buffers back to their defaults (largest saving first), global
 * memory traded before the pool, per-connection buffers below their defaults down to stated
 * floors when the host is too small for the defaults beside the tier's pool, then the pool (at
 * most the tier's share; so the pool never shrinks as RAM grows),
 * and max_connections only where the user allows it, never below what the server must serve.
 * Every variant is budgeted by the same {@link Planner}, so every term it counts counts here.
 */
final class BudgetSolver {

	private static final long MIB = 1L << 20;

	/** The smallest pool memplan recommends (the servers' default) unless the tier's share is smaller. */
	static final long POOL_FLOOR = 128 * MIB;

	/** The query cache beyond which its global mutex costs more than it saves (docs/memory-model.md#solver-global-trades). */
	static final long QUERY_CACHE_CEILING = 64 * MIB;

	/** The TempTable cap memplan proposes on a small host: 3 % of RAM as 8.4 does, but at least this. */
	static final long TEMPTABLE_FLOOR = 64 * MIB;

	/**
	 * performance_schema = OFF is proposed on MySQL only on hosts of this size or less. It is ON by
	 * default there and the sys schema, statement digests and memory instruments (memplan's own live
	 * reading among them) need it; a DBA gives that up only where its memory (the estimate of
	 * {@link PerformanceSchemaSize}: about a tenth of a 2 GiB host's budget limit at 151 connections
	 * on 8.0, docs/measurements-mysql.md#ps-size) is a large share of the budget. On a larger host
	 * the pool pays for it.
	 */
	static final long PERFORMANCE_SCHEMA_OFF_MAX_RAM_MYSQL = 2L << 30;

	/**
	 * On MariaDB OFF is the server's own default, so switching it back costs nothing the server
	 * ships with; but someone turned it on for a monitoring tool, and above 4 GiB its estimate is a
	 * few percent of the budget limit, which a DBA would rather take from the pool.
	 */
	static final long PERFORMANCE_SCHEMA_OFF_MAX_RAM_MARIADB = 4L << 30;

	private static final long RAM_STEP = 256 * MIB;

	private static final int RAM_SEARCH_STEPS = 64;

	Solution solve(SolverContext context, ConnectionPolicy policy) {
		EffectiveSettings original = context.original().settings();
		ConnectionDemand demand = ConnectionDemand.of(original.bytes("max_connections"), context.host().expectedConnections(), policy);
		ChangeSet keepConnections = keepConnections(context, demand.kept(), true);
		ChangeSet keepPool = keepPool(context, demand, true);
		List<ChangeSet> alternatives = new ArrayList<>();
		ChangeSet chosen;
		if (!demand.allowFewer()) {
			chosen = keepConnections;
			alternatives.add(keepPool);
		}
		else if (keepPool.fits()) {
			chosen = keepPool;
			alternatives.add(keepConnections);
		}
		else {
			chosen = keepConnections(context, demand.lowestAllowed(), true);
			alternatives.add(keepConnections);
			alternatives.add(keepPool);
		}
		alternatives.removeIf((option) -> option.values().equals(chosen.values()));
		return new Solution(demand, chosen, alternatives);
	}

	/**
	 * Keep {@code connections}; shrink buffers and traded caches, then the pool; performance_schema goes OFF
	 * last, only where even the smallest pool does not fit otherwise.
	 */
	ChangeSet keepConnections(SolverContext context, long connections, boolean findSmallestRam) {
		Draft draft = new Draft(context);
		draft.setConnections(connections);
		long goal = poolGoal(draft);
		long floor = Math.min(goal, POOL_FLOOR);
		draft.setPool(PoolLayout.forTarget(context.profile(), goal));
		boolean asConfigured = fitsAsConfigured(context, connections);
		if (!asConfigured) {
			cutWhile(draft, perConnection(draft, false), () -> !draft.fits());
		}
		cutWhile(draft, caches(draft), () -> !draft.fits());
		if (!asConfigured && !draft.fits()) {
			// The draft holds the tier's pool here. A host on which the defaults and that pool do not both
			// fit is too small for the defaults: the pool serves every query, a buffer above its floor only
			// the statements that need it, so the buffers go down to their floors before the pool shrinks.
			// Cutting only while the smallest pool did not fit (as before) made the pool fall off a cliff
			// where that stopped: stock MariaDB 10.6 got 10,496 MiB on 18,688 MiB of RAM and 128 MiB on 18,944.
			cutWhile(draft, perConnection(draft, true), () -> !draft.fits());
		}
		PoolLayout pool = largestFittingPool(draft, floor, goal);
		if (pool == null && turnPerformanceSchemaOff(draft)) {
			// performance_schema goes OFF only to make the smallest pool fit, and what it frees is not
			// spent on the pool: on MySQL 8.0 it frees more (230 MB at 151 connections) than a 256 MiB
			// step of RAM adds to the budget (228 MB), so a pool grown from it on the largest host where
			// the trade is offered would shrink on the next one, where performance_schema stays ON
			PoolLayout lowest = PoolLayout.forTarget(context.profile(), floor);
			Draft probe = draft.copy();
			probe.setPool(lowest);
			pool = probe.fits() ? lowest : null;
		}
		boolean fits = pool != null;
		draft.setPool((pool != null) ? pool : PoolLayout.forTarget(context.profile(), floor));
		return finish(ChangeSet.Option.KEEP_CONNECTIONS, draft, fits,
				(fits || !findSmallestRam) ? null : smallestRam(draft, (c) -> keepConnections(c, connections, false)));
	}

	/** Keep the recommended pool; shrink buffers and traded global memory, then lower max_connections. */
	ChangeSet keepPool(SolverContext context, ConnectionDemand demand, boolean findSmallestRam) {
		Draft draft = new Draft(context);
		draft.setConnections(demand.kept());
		draft.setPool(PoolLayout.forTarget(context.profile(), poolGoal(draft)));
		long lowest = demand.lowestAllowed();
		boolean asConfigured = fitsAsConfigured(context, demand.kept());
		if (!asConfigured) {
			cutWhile(draft, perConnection(draft, false), () -> !draft.fits());
		}
		cutWhile(draft, globalTrades(draft), () -> !draft.fits());
		if (!asConfigured && !draft.fits() && connectionsThatFit(draft) < lowest) {
			cutWhile(draft, perConnection(draft, true), () -> connectionsThatFit(draft) < lowest);
		}
		long fit = draft.fits() ? demand.kept() : connectionsThatFit(draft);
		boolean fits = fit >= lowest;
		draft.setConnections(fits ? Math.min(demand.kept(), fit) : lowest);
		return finish(ChangeSet.Option.KEEP_POOL, draft, fits,
				(fits || !findSmallestRam) ? null : smallestRam(draft, (c) -> keepPool(c, demand, false)));
	}

	/**
	 * The user's configuration fits already with these connections and at least the tier's pool:
	 * memplan cuts none of their per-connection buffers then. With a smaller pool it does, in the
	 * order above, because the tier's pool is worth more than a buffer above its default.
	 */
	private static boolean fitsAsConfigured(SolverContext context, long connections) {
		Budget original = context.original().budget();
		return Draft.fits(original) && connections <= original.connectionSlots() - 1
				&& context.original().settings().bytes("innodb_buffer_pool_size") >= context.tierPoolBytes();
	}

	private static long connectionsThatFit(Draft draft) {
		return BufferPoolAdvisor.maxConnectionsThatFit(draft.assess().budget(), draft.context().profile());
	}

	/**
	 * The tier's pool; when the user's configuration already fits with a larger pool, that pool:
	 * memplan does not shrink a pool that fits.
	 */
	private static long poolGoal(Draft draft) {
		SolverContext context = draft.context();
		Budget original = context.original().budget();
		long current = context.original().settings().bytes("innodb_buffer_pool_size");
		boolean fitsNow = Draft.fits(original) && draft.connections() <= original.connectionSlots() - 1;
		return (fitsNow && current > context.tierPoolBytes()) ? current : context.tierPoolBytes();
	}

	/**
	 * The largest pool between {@code floor} and {@code goal} that fits, laid out so the server
	 * keeps it; null when even the floor does not fit. The pool's cost is linear (MySQL adds 5 %
	 * for its control structures), so one step finds it and a few granules down confirm it.
	 */
	private static PoolLayout largestFittingPool(Draft draft, long floor, long goal) {
		SolverContext context = draft.context();
		Draft probe = draft.copy();
		PoolLayout layout = PoolLayout.forTarget(context.profile(), goal);
		probe.setPool(layout);
		if (probe.fits()) {
			return layout;
		}
		PoolLayout lowest = PoolLayout.forTarget(context.profile(), floor);
		probe.setPool(lowest);
		Budget atFloor = probe.assess().budget();
		if (!Draft.fits(atFloor)) {
			return null;
		}
		long room = atFloor.budgetLimitBytes() - atFloor.worstCaseBytes();
		long target = Math.min(goal, lowest.poolBytes() + (context.profile().isMySql() ? room / 105 * 100 : room));
		for (int step = 0; step < 64 && target > lowest.poolBytes(); step++) {
			layout = PoolLayout.forTarget(context.profile(), target);
			probe.setPool(layout);
			if (probe.fits()) {
				return layout;
			}
			target = layout.poolBytes() - Math.max(MIB, layout.poolBytes() / 100);
		}
		return lowest;
	}

	/** Applies cuts largest saving first while {@code needed} holds. */
	private static void cutWhile(Draft draft, List<Cut> cuts, java.util.function.BooleanSupplier needed) {
		for (Cut cut : cuts) {
			if (!needed.getAsBoolean()) {
				return;
			}
			cut.applyTo(draft);
		}
	}

	/** Per-connection buffers toward their defaults, or (below) down to their floors, ranked by what each saves. */
	private static List<Cut> perConnection(Draft draft, boolean belowDefaults) {
		List<Cut> cuts = new ArrayList<>();
		EffectiveSettings original = draft.context().original().settings();
		for (TradeableVariable variable : TradeableVariable.PER_CONNECTION) {
			if (!original.has(variable.name())) {
				continue;
			}
			long defaultValue = defaultOf(original, variable.name());
			long target = belowDefaults ? Math.min(defaultValue, variable.floorBytes()) : defaultValue;
			if (draft.value(variable.name()) > target) {
				LeverKind kind = belowDefaults ? LeverKind.PER_CONNECTION_TO_FLOOR : LeverKind.PER_CONNECTION_TO_DEFAULT;
				cuts.add(new Cut(variable.name(), variable.companion(), target, kind));
			}
		}
		return ranked(draft, cuts);
	}

	/**
	 * Global memory a DBA trades before the pool: TempTable's cap and its mapped overflow, an oversized key
	 * or query cache (largest saving first), then performance_schema on a small host, last because
	 * it gives up instrumentation rather than a cache.
	 */
	private static List<Cut> globalTrades(Draft draft) {
		List<Cut> trades = new ArrayList<>(caches(draft));
		Cut performanceSchema = performanceSchemaOff(draft);
		if (performanceSchema != null) {
			trades.add(performanceSchema);
		}
		return trades;
	}

	/** Applies the performance_schema trade when it is offered; true when it was. */
	private static boolean turnPerformanceSchemaOff(Draft draft) {
		Cut off = performanceSchemaOff(draft);
		if (off == null) {
			return false;
		}
		off.applyTo(draft);
		return true;
	}

	/**
	 * performance_schema = OFF where its size is an estimate (a live reading is the server's real
	 * figure and memplan does not second-guess it) and the host is small enough for the trade
	 * ({@link #PERFORMANCE_SCHEMA_OFF_MAX_RAM_MYSQL}, {@link #PERFORMANCE_SCHEMA_OFF_MAX_RAM_MARIADB}).
	 * Only when the configuration as written does not fit. It saves the whole estimate at the draft's
	 * connections (the estimate grows with them). The sizing variables (performance_schema_max_*) are
	 * not offered: set explicitly they trade instrumentation for a few percent of P_S on the servers
	 * measured (docs/measurements-mysql.md#ps-size), not enough to price as a lever.
	 */
	private static Cut performanceSchemaOff(Draft draft) {
		SolverContext context = draft.context();
		if (context.measuredPerformanceSchema() != null || !context.original().settings().isOn("performance_schema")
				|| draft.value("performance_schema") == 0) {
			return null;
		}
		long maxRam = context.profile().isMySql() ? PERFORMANCE_SCHEMA_OFF_MAX_RAM_MYSQL : PERFORMANCE_SCHEMA_OFF_MAX_RAM_MARIADB;
		if (context.host().hostRamBytes() > maxRam) {
			return null;
		}
		// only to make a configuration fit that does not: when the user's own pool fits with these
		// connections, instrumentation is not given up just to grow the pool toward the tier's share
		Draft asConfigured = new Draft(context);
		asConfigured.setConnections(draft.connections());
		return asConfigured.fits() ? null : new Cut("performance_schema", null, 0, LeverKind.GLOBAL_TRADE);
	}

	/** The caches among the global trades, largest saving first. */
	private static List<Cut> caches(Draft draft) {
		List<Cut> cuts = new ArrayList<>();
		EffectiveSettings original = draft.context().original().settings();
		if ("TempTable".equals(original.text("internal_tmp_mem_storage_engine")) && original.has("temptable_max_ram")) {
			long threePercent = draft.context().host().hostRamBytes() / 100 * 3 / MIB * MIB;
			cuts.add(new Cut("temptable_max_ram", null, Math.max(TEMPTABLE_FLOOR, threePercent), LeverKind.GLOBAL_TRADE));
			Cut overflow = tempTableOverflowOff(original);
			if (overflow != null) {
				cuts.add(overflow);
			}
		}
		if (original.has("key_buffer_size")) {
			cuts.add(new Cut("key_buffer_size", null, defaultOf(original, "key_buffer_size"), LeverKind.GLOBAL_TRADE));
		}
		if (original.has("query_cache_size")) {
			cuts.add(new Cut("query_cache_size", null, QUERY_CACHE_CEILING, LeverKind.GLOBAL_TRADE));
		}
		cuts.removeIf((cut) -> draft.value(cut.name()) <= cut.target());
		return ranked(draft, cuts);
	}

	/**
	 * TempTable's memory-mapped overflow off (docs/memory-model.md#solver-global-trades): a temporary
	 * table that outgrows temptable_max_ram then becomes an InnoDB on-disk table, whose pages are in the
	 * buffer pool, as MySQL 8.4 does by default (temptable_max_mmap = 0). temptable_max_mmap = 0 from
	 * 8.0.23, temptable_use_mmap = OFF on 8.0.16 to 8.0.22; before 8.0.16 nothing turns it off.
	 */
	private static Cut tempTableOverflowOff(EffectiveSettings original) {
		if (original.has("temptable_use_mmap") && !original.isOn("temptable_use_mmap")) {
			return null;
		}
		if (original.has("temptable_max_mmap")) {
			return new Cut("temptable_max_mmap", null, 0, LeverKind.GLOBAL_TRADE);
		}
		return original.has("temptable_use_mmap") ? new Cut("temptable_use_mmap", null, 0, LeverKind.GLOBAL_TRADE) : null;
	}

	private static List<Cut> ranked(Draft draft, List<Cut> cuts) {
		long before = draft.assess().budget().worstCaseBytes();
		List<Cut> scored = new ArrayList<>();
		for (Cut cut : cuts) {
			Draft trial = draft.copy();
			cut.applyTo(trial);
			long saves = before - trial.assess().budget().worstCaseBytes();
			if (saves > 0) {
				scored.add(cut.withSaving(saves));
			}
		}
		scored.sort(Comparator.comparingLong(Cut::saves).reversed());
		return scored;
	}

	static long defaultOf(EffectiveSettings settings, String name) {
		VariableSpec spec = settings.variable(name).orElseThrow().spec();
		try {
			return ByteSize.parse(spec.defaultValue()).toLongExact();
		}
		catch (RuntimeException ex) {
			return settings.bytes(name);
		}
	}

	/**
	 * Nothing fits: the smallest host (in 256 MiB steps) on which the same option fits, from the
	 * RAM the minimal configuration needs at this share and reserve, confirmed by solving again.
	 */
	private static Long smallestRam(Draft minimal, java.util.function.Function<SolverContext, ChangeSet> option) {
		SolverContext context = minimal.context();
		HostSpec host = context.host();
		long needed = Math.addExact(minimal.assess().budget().worstCaseBytes(), host.reservedForOtherProcessesBytes());
		long ram = new java.math.BigDecimal(needed).divide(host.mysqlShare(), 0, java.math.RoundingMode.CEILING).longValueExact();
		ram = Math.max(ram, host.hostRamBytes() + RAM_STEP);
		ram = (ram + RAM_STEP - 1) / RAM_STEP * RAM_STEP;
		for (int step = 0; step < RAM_SEARCH_STEPS; step++) {
			HostSpec bigger = new HostSpec(ram, host.hostCpus(), host.expectedConnections(), host.mysqlShare(),
					host.reservedForOtherProcessesBytes());
			long connections = ConnectionDemand.of(context.original().settings().bytes("max_connections"), bigger.expectedConnections(),
					ConnectionPolicy.KEEP).kept();
			long pool = context.planner().poolTarget(context.profile(), context.settings(), bigger, context.measuredPerformanceSchema(),
					connections).bytes();
			if (option.apply(context.onHost(bigger, pool)).fits()) {
				return ram;
			}
			ram = Math.addExact(ram, (step < 16) ? RAM_STEP : ram / 8 / RAM_STEP * RAM_STEP);
		}
		return null;
	}

	private static ChangeSet finish(ChangeSet.Option option, Draft draft, boolean fits, Long smallestRam) {
		Budget replanned = draft.assess().budget();
		return new ChangeSet(option, fits, draft.levers(replanned), draft.values(), draft.connections(),
				draft.value("innodb_buffer_pool_size"), replanned, smallestRam);
	}

	/** Setting one variable (and its companion) to a target; {@code saves} is what it saved when ranked. */
	private record Cut(String name, String companion, long target, LeverKind kind, long saves) {

		Cut(String name, String companion, long target, LeverKind kind) {
			this(name, companion, target, kind, 0);
		}

		Cut withSaving(long bytes) {
			return new Cut(this.name, this.companion, this.target, this.kind, bytes);
		}

		void applyTo(Draft draft) {
			draft.set(this.name, this.target, this.kind);
			if (this.companion != null && draft.value(this.companion) > this.target) {
				draft.set(this.companion, this.target, this.kind);
			}
		}

	}

}
