package dev.memplan.budget;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Origin;

/**
 * The recommendation of docs/memory-model.md#recommendation: the tier's ratio of the host's RAM (above the table's
 * last row, RAM less a stated reserve), laid out as the server keeps it, then solved in reverse for the largest
 * max_connections that fits.
 */
public final class BufferPoolAdvisor {

	private static final long MIB = 1L << 20;

	private static final long MAX_CONNECTIONS_CEILING = 100_000;

	private static final Origin RECOMMENDED = Origin.computed("recommended", "recommended");

	private final TierTable tiers;

	private final SettingsNormalizer normalizer;

	private final BudgetCalculator calculator;

	public BufferPoolAdvisor(ServerCatalog catalog, TierTable tiers) {
		this.tiers = tiers;
		this.normalizer = new SettingsNormalizer(catalog);
		this.calculator = new BudgetCalculator();
	}

	public Recommendation recommend(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema) {
		return recommend(profile, settings, host, measuredPerformanceSchema,
				target(profile, settings, host, measuredPerformanceSchema, -1));
	}

	/**
	 * The recommendation for a pool target; the pool is laid out as the solver lays it out
	 * ({@link PoolLayout}), so the two never disagree on the same target.
	 */
	Recommendation recommend(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema,
			PoolTarget target) {
		long ram = host.hostRamBytes();
		PoolLayout layout = PoolLayout.forTarget(profile, target.bytes());
		long pool = layout.poolBytes();
		ServerSettings withPool = ServerSettings.empty().overrideWith(settings)
				.set("innodb_buffer_pool_size", Long.toString(pool), RECOMMENDED);
		// the layout the snippet writes: without it the server would round the pool up to its default granule
		if (layout.instances() > 0) {
			withPool.set("innodb_buffer_pool_instances", Long.toString(layout.instances()), RECOMMENDED);
		}
		if (layout.chunkBytes() > 0) {
			withPool.set("innodb_buffer_pool_chunk_size", Long.toString(layout.chunkBytes()), RECOMMENDED);
		}
		EffectiveSettings effective = this.normalizer.normalize(profile, withPool, host);
		Budget budget = this.calculator.calculate(effective, host, measuredPerformanceSchema);
		long fit = maxConnectionsThatFit(budget, effective.profile());
		int ratio = (target.rule() == PoolTarget.Rule.RAM_LESS_RESERVE) ? (int) (target.bytes() * 100 / ram) : this.tiers.ratioFor(ram);
		Granule granule = granule(profile, layout);
		return new Recommendation(this.tiers.tierFor(ram).orElse(null), ratio, pool, granule.bytes(), granule.explanation(),
				StartupDefaults.dedicatedServerPool(ram), rdsDefault(host), budget, fit, target);
	}

	/**
	 * The pool to aim for. Up to the table's last row, the tier's share ({@link #targetPool}); above it,
	 * RAM less a reserve: what the budget limit keeps outside (the MySQL share, the memory reserved for
	 * other processes), the other global memory and the connections at {@code connections} — so the pool
	 * grows with the host instead of stopping at a flat 75 %, and never below the last row's own pool.
	 *
	 * @param connections the max_connections the recommendation keeps; negative for the configured value
	 */
	PoolTarget target(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema,
			long connections) {
		long ram = host.hostRamBytes();
		Tier last = this.tiers.tiers().get(this.tiers.tiers().size() - 1);
		if (ram <= last.memoryBytes()) {
			return tierTarget(ram);
		}
		long boundaryPool = percentOf(last.memoryBytes(), last.ratioPercent());
		ServerSettings variant = ServerSettings.empty().overrideWith(settings)
				.set("innodb_buffer_pool_size", Long.toString(boundaryPool), RECOMMENDED);
		if (connections >= 0) {
			variant.set("max_connections", Long.toString(connections), RECOMMENDED);
		}
		Budget atBoundary = this.calculator.calculate(this.normalizer.normalize(profile, variant, host), host, measuredPerformanceSchema);
		long room = atBoundary.budgetLimitBytes() - atBoundary.worstCaseBytes();
		// MySQL adds about 5 % of the pool for its control structures (docs/memory-model.md#term-buffer-pool-overhead)
		long growth = profile.isMySql() ? room / 105 * 100 : room;
		long pool = Math.max(boundaryPool, Math.addExact(boundaryPool, Math.max(0, growth)));
		long limit = atBoundary.budgetLimitBytes();
		return new PoolTarget(pool, PoolTarget.Rule.RAM_LESS_RESERVE, ram - limit, Math.max(0, limit - pool));
	}

	/** The tier table's target alone, with the rule that gave it. */
	PoolTarget tierTarget(long hostRamBytes) {
		long pool = targetPool(hostRamBytes);
		if (this.tiers.tierFor(hostRamBytes).isEmpty()) {
			return PoolTarget.of(pool, PoolTarget.Rule.BELOW_SMALLEST_ROW);
		}
		boolean carried = pool > percentOf(hostRamBytes, this.tiers.ratioFor(hostRamBytes));
		return PoolTarget.of(pool, carried ? PoolTarget.Rule.CARRIED_OVER : PoolTarget.Rule.TIER_RATIO);
	}

	/**
	 * The tier's share of the host's RAM, before rounding to the server's granule, never less than
	 * a smaller host gets: where the table's ratio drops (73 % at 15G, 70 % at 17.1G) the pool the
	 * previous row reached at the boundary carries on until the new ratio passes it.
	 */
	long targetPool(long hostRamBytes) {
		long pool = percentOf(hostRamBytes, this.tiers.ratioFor(hostRamBytes));
		int previousRatio = TierTable.SMALLEST_RATIO;
		for (Tier tier : this.tiers.tiers()) {
			if (tier.memoryBytes() <= hostRamBytes) {
				pool = Math.max(pool, percentOf(tier.memoryBytes(), previousRatio));
			}
			previousRatio = tier.ratioPercent();
		}
		return pool;
	}

	/** N = floor((limit − global) / perConnection) − 1, never below 0 (the +1 is the admin slot). */
	static long maxConnectionsThatFit(Budget budget) {
		return maxConnectionsThatFit(budget.budgetLimitBytes(), budget.globalBytes(), budget.perConnectionBytes());
	}

	private static long maxConnectionsThatFit(long limit, long global, long perConnection) {
		long room = limit - global;
		if (room <= 0 || perConnection <= 0) {
			return 0;
		}
		return Math.min(MAX_CONNECTIONS_CEILING, Math.max(0, room / perConnection - 1));
	}

	/**
	 * The same where performance_schema is an estimate: that estimate grows with max_connections
	 * ({@link PerformanceSchemaSize}), so the global terms at N connections are not those at the
	 * configured ones. From the smallest P_S, N only goes down as P_S is re-counted at N; it stops
	 * where N fits with P_S at N.
	 */
	static long maxConnectionsThatFit(Budget budget, ServerProfile profile) {
		LineItem performanceSchema = budget.lineItems().stream().filter((item) -> item.id().equals("performance_schema")).findFirst()
			.orElse(null);
		if (performanceSchema == null || !performanceSchema.estimate()) {
			return maxConnectionsThatFit(budget);
		}
		PerformanceSchemaSize size = PerformanceSchemaSize.of(profile);
		long others = budget.globalBytes() - performanceSchema.bytes();
		long fit = maxConnectionsThatFit(budget.budgetLimitBytes(), others + size.bytesAt(0), budget.perConnectionBytes());
		while (true) {
			long next = maxConnectionsThatFit(budget.budgetLimitBytes(), others + size.bytesAt(fit), budget.perConnectionBytes());
			if (next >= fit) {
				return fit;
			}
			fit = next;
		}
	}

	/** RDS today: {DBInstanceClassMemory*3/4}, the memory left after the OS reservation (here: the reserved memory). */
	private static long rdsDefault(HostSpec host) {
		long instanceMemory = Math.max(0, host.hostRamBytes() - host.reservedForOtherProcessesBytes());
		return instanceMemory / 4 * 3 + instanceMemory % 4 * 3 / 4;
	}

	static long percentOf(long bytes, int percent) {
		return bytes / 100 * percent + bytes % 100 * percent / 100;
	}

	/** The step the server keeps the pool in, for this layout. */
	private static Granule granule(ServerProfile profile, PoolLayout layout) {
		if (!StartupDefaults.roundsPoolToChunks(profile)) {
			return new Granule(MIB, profile.displayName() + " sizes the pool in 1 MiB steps");
		}
		if (profile.isMariaDb()) {
			return new Granule(layout.chunkBytes(), profile.displayName() + " sizes the pool in whole "
					+ ByteSize.formatApproximate(layout.chunkBytes()) + " chunks");
		}
		return new Granule(Math.multiplyExact(layout.chunkBytes(), layout.instances()), layout.instances() + " instance(s) × "
				+ ByteSize.formatApproximate(layout.chunkBytes()) + " chunks");
	}

	private record Granule(long bytes, String explanation) {
	}

}
