package dev.memplan.budget;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Origin;

/**
 * The recommendation of docs/memory-model.md#recommendation: the tier's ratio of the host's RAM, rounded down to
 * the server's granule, then solved in reverse for the largest max_connections that fits.
 */
public final class BufferPoolAdvisor {

	private static final long MIB = 1L << 20;

	private static final long MAX_CONNECTIONS_CEILING = 100_000;

	private final TierTable tiers;

	private final SettingsNormalizer normalizer;

	private final BudgetCalculator calculator;

	public BufferPoolAdvisor(ServerCatalog catalog, TierTable tiers) {
		this.tiers = tiers;
		this.normalizer = new SettingsNormalizer(catalog);
		this.calculator = new BudgetCalculator();
	}

	public Recommendation recommend(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema) {
		long ram = host.hostRamBytes();
		int ratio = this.tiers.ratioFor(ram);
		long raw = targetPool(ram);
		Granule granule = granule(profile, settings, host, raw);
		long pool = raw - raw % granule.bytes();
		if (pool == 0) {
			pool = Math.max(raw / MIB * MIB, MIB);
		}
		ServerSettings withPool = ServerSettings.empty().overrideWith(settings)
				.set("innodb_buffer_pool_size", Long.toString(pool), Origin.computed("recommended", "recommended"));
		EffectiveSettings effective = this.normalizer.normalize(profile, withPool, host);
		Budget budget = this.calculator.calculate(effective, host, measuredPerformanceSchema);
		long fit = maxConnectionsThatFit(budget);
		return new Recommendation(this.tiers.tierFor(ram).orElse(null), ratio, pool, granule.bytes(), granule.explanation(),
				StartupDefaults.dedicatedServerPool(ram), rdsDefault(host), budget, fit);
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
		long room = budget.budgetLimitBytes() - budget.globalBytes();
		if (room <= 0 || budget.perConnectionBytes() <= 0) {
			return 0;
		}
		return Math.min(MAX_CONNECTIONS_CEILING, Math.max(0, room / budget.perConnectionBytes() - 1));
	}

	/** RDS today: {DBInstanceClassMemory*3/4}, the memory left after the OS reservation (here: the reserved memory). */
	private static long rdsDefault(HostSpec host) {
		long instanceMemory = Math.max(0, host.hostRamBytes() - host.reservedForOtherProcessesBytes());
		return instanceMemory / 4 * 3 + instanceMemory % 4 * 3 / 4;
	}

	static long percentOf(long bytes, int percent) {
		return bytes / 100 * percent + bytes % 100 * percent / 100;
	}

	private Granule granule(ServerProfile profile, ServerSettings settings, HostSpec host, long pool) {
		if (!StartupDefaults.roundsPoolToChunks(profile)) {
			return new Granule(MIB, profile.displayName() + " sizes the pool in 1 MiB steps");
		}
		long chunk = explicitOr(profile, settings, "innodb_buffer_pool_chunk_size", 128 * MIB);
		if (profile.isMariaDb()) {
			return new Granule(chunk, "MariaDB 10.6 sizes the pool in whole " + ByteSize.formatHuman(chunk) + " chunks");
		}
		SettingValue configured = settings.get("innodb_buffer_pool_instances");
		long instances = (configured != null) ? ByteSize.parse(configured.text()).toLongExact()
				: StartupDefaults.instancesFor(profile, host.hostCpus(), pool, chunk);
		return new Granule(Math.multiplyExact(chunk, instances), instances + " instance(s) × "
				+ ByteSize.formatHuman(chunk) + " chunks");
	}

	private static long explicitOr(ServerProfile profile, ServerSettings settings, String name, long fallback) {
		SettingValue value = settings.get(name);
		if (value == null) {
			return fallback;
		}
		long parsed = ByteSize.parse(value.text()).toLongExact();
		return (parsed > 0) ? parsed : fallback;
	}

	private record Granule(long bytes, String explanation) {
	}

}
