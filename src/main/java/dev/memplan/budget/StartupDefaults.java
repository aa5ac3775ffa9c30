package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.VariableSpec;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/**
 * What the server decides at start-up rather than reading from its options: the buffer pool under
 * {@code innodb_dedicated_server}, the number of buffer pool instances, the pool's rounding to
 * whole chunks, TempTable's RAM cap on 8.4, and MariaDB switching the query cache on
 * (docs/memory-model.md#startup-rules).
 */
final class StartupDefaults {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private final ServerProfile profile;

	private final Map<String, VariableSpec> specs;

	private final HostSpec host;

	StartupDefaults(ServerProfile profile, Map<String, VariableSpec> specs, HostSpec host) {
		this.profile = profile;
		this.specs = specs;
		this.host = host;
	}

	void apply(Map<String, EffectiveVariable> effective, ServerSettings settings, List<Diagnostic> diagnostics) {
		applyDedicatedServer(effective, settings);
		if (this.specs.containsKey("innodb_buffer_pool_instances") && !effective.containsKey("innodb_buffer_pool_instances")) {
			long pool = effective.get("innodb_buffer_pool_size").value();
			long chunk = chunkSize(effective);
			putComputed(effective, "innodb_buffer_pool_instances", instancesFor(this.profile, this.host.hostCpus(), pool, chunk),
					instancesRule());
		}
		oneInstanceBelowOneGib(effective, diagnostics);
		roundPoolToChunks(effective, diagnostics);
		if (this.specs.containsKey("temptable_max_ram") && !effective.containsKey("temptable_max_ram")) {
			// 8.4: 3 % of the host's RAM, kept between 1 GiB and 4 GiB
			long threePercent = this.host.hostRamBytes() / 100 * 3;
			putComputed(effective, "temptable_max_ram", Math.max(GIB, Math.min(4 * GIB, threePercent)),
					Origin.computed("temptable", "8.4 sets it to 3 % of RAM, at least 1 GiB and at most 4 GiB"));
		}
		applyMariaDbQueryCache(effective, settings, diagnostics);
	}

	/** 5.6–8.0: 8 instances from a 1 GiB pool up; 8.4: one per two chunks, at most CPUs/4, 1 to 64. */
	static long instancesFor(ServerProfile profile, Integer hostCpus, long pool, long chunk) {
		if (pool < GIB) {
			return 1;
		}
		if (!profile.isAtLeast(8, 4)) {
			return 8;
		}
		long byChunks = Math.max(1, pool / Math.max(chunk, 1) / 2);
		long byCpus = (hostCpus != null) ? Math.max(1, hostCpus / 4) : 1;
		return Math.max(1, Math.min(64, Math.min(byChunks, byCpus)));
	}

	private Origin instancesRule() {
		if (!this.profile.isAtLeast(8, 4)) {
			return Origin.computed("instances", "computed at start-up: 8 when the pool is 1 GiB or more, else 1");
		}
		return (this.host.hostCpus() != null)
				? Origin.computed("instancesByCpus", "computed at start-up: 1 below a 1 GiB pool, else one per two chunks, at most CPUs/4 ("
						+ this.host.hostCpus() + " CPUs)", this.host.hostCpus())
				: Origin.computed("instancesWithoutCpus", "computed at start-up from the CPU count; memplan assumes 1 without hostCpus");
	}

	private void applyDedicatedServer(Map<String, EffectiveVariable> effective, ServerSettings settings) {
		EffectiveVariable dedicated = effective.get("innodb_dedicated_server");
		if (dedicated == null || !dedicated.isOn() || settings.get("innodb_buffer_pool_size") != null) {
			return;
		}
		putComputed(effective, "innodb_buffer_pool_size", dedicatedServerPool(this.host.hostRamBytes()),
				Origin.computed("dedicatedServer", "innodb_dedicated_server=ON sizes the pool from the host's RAM"));
	}

	/** MySQL's innodb_dedicated_server rule (8.0 and 8.4 alike). */
	static long dedicatedServerPool(long hostRam) {
		if (hostRam < GIB) {
			return 128 * MIB;
		}
		if (hostRam <= 4 * GIB) {
			return hostRam / 2;
		}
		return hostRam / 4 * 3;
	}

	/**
	 * MySQL uses 1 instance below a 1 GiB pool even when innodb_buffer_pool_instances says more
	 * (5.7.22 and 8.0.31 with 600M and 4 instances: 1 instance; 5.7.22's log: "Adjusting
	 * innodb_buffer_pool_instances from 4 to 1 since innodb_buffer_pool_size is less than 1024 MiB").
	 * 8.4: 1 when the pool is at most 1 GiB [docs].
	 */
	private void oneInstanceBelowOneGib(Map<String, EffectiveVariable> effective, List<Diagnostic> diagnostics) {
		EffectiveVariable instances = effective.get("innodb_buffer_pool_instances");
		if (!this.profile.isMySql() || instances == null || instances.value() <= 1) {
			return;
		}
		long pool = effective.get("innodb_buffer_pool_size").value();
		if (this.profile.isAtLeast(8, 4) ? pool > GIB : pool >= GIB) {
			return;
		}
		VariableNote note = VariableNote.of("instancesForcedToOne", instances.value());
		List<VariableNote> notes = new ArrayList<>(instances.notes());
		notes.add(note);
		effective.put(instances.name(), SettingsNormalizer.numeric(instances.spec(), 1, instances.origin(), notes));
		if (!instances.origin().isDefault()) {
			diagnostics.add(Diagnostic.about(instances.name(), instances.origin(), DiagnosticCode.VALUE_ADJUSTED, Severity.WARNING)
				.wordedBy(note.messageKey(), note.args()));
		}
	}

	/**
	 * MySQL 5.7+ and MariaDB 10.6 round the pool up to whole multiples of chunk × instances, after
	 * shrinking the chunk when chunk × instances exceeds the pool.
	 */
	private void roundPoolToChunks(Map<String, EffectiveVariable> effective, List<Diagnostic> diagnostics) {
		if (!roundsPoolToChunks(this.profile)) {
			return;
		}
		EffectiveVariable pool = effective.get("innodb_buffer_pool_size");
		long instances = instances(effective);
		long chunk = chunkSize(effective);
		if (Math.multiplyExact(chunk, instances) > pool.value()) {
			long shrunk = Math.max(MIB, pool.value() / instances / MIB * MIB);
			EffectiveVariable chunkVariable = effective.get("innodb_buffer_pool_chunk_size");
			List<VariableNote> notes = new ArrayList<>(chunkVariable.notes());
			notes.add(VariableNote.of("chunkTruncated", ByteSize.formatApproximate(shrunk)));
			effective.put(chunkVariable.name(), SettingsNormalizer.numeric(chunkVariable.spec(), shrunk,
					chunkVariable.origin(), notes));
			chunk = shrunk;
		}
		long granule = Math.multiplyExact(chunk, instances);
		long remainder = pool.value() % granule;
		if (remainder != 0) {
			long rounded = Math.addExact(pool.value() - remainder, granule);
			VariableNote note = VariableNote.of("poolRounded", ByteSize.formatApproximate(granule), instances, ByteSize.formatApproximate(chunk), ByteSize.formatApproximate(rounded));
			List<VariableNote> notes = new ArrayList<>(pool.notes());
			notes.add(note);
			effective.put(pool.name(), SettingsNormalizer.numeric(pool.spec(), rounded, pool.origin(), notes));
			if (!pool.origin().isDefault()) {
				diagnostics.add(Diagnostic.about(pool.name(), pool.origin(), DiagnosticCode.VALUE_ADJUSTED, Severity.WARNING)
					.wordedBy(note.messageKey(), note.args()));
			}
		}
	}

	static boolean roundsPoolToChunks(ServerProfile profile) {
		return (profile.isMySql() && profile.isAtLeast(5, 7)) || (profile.isMariaDb() && !profile.isAtLeast(10, 11));
	}

	private static long instances(Map<String, EffectiveVariable> effective) {
		EffectiveVariable instances = effective.get("innodb_buffer_pool_instances");
		return (instances != null) ? instances.value() : 1;
	}

	private static long chunkSize(Map<String, EffectiveVariable> effective) {
		EffectiveVariable chunk = effective.get("innodb_buffer_pool_chunk_size");
		return (chunk != null && chunk.value() > 0) ? chunk.value() : 128 * MIB;
	}

	/** MariaDB switches query_cache_type ON by itself when a non-default query_cache_size is set [checked]. */
	private void applyMariaDbQueryCache(Map<String, EffectiveVariable> effective, ServerSettings settings,
			List<Diagnostic> diagnostics) {
		EffectiveVariable size = effective.get("query_cache_size");
		if (!this.profile.isMariaDb() || size == null || size.origin().isDefault() || settings.get("query_cache_type") != null
				|| size.value() == 0 || size.value() == MIB) {
			return;
		}
		EffectiveVariable type = effective.get("query_cache_type");
		VariableNote note = VariableNote.of("queryCacheImplied");
		effective.put(type.name(), new EffectiveVariable(type.spec(), 0, "ON", Origin.computed("queryCacheImplied", "implied by query_cache_size"),
				List.of(note)));
		diagnostics.add(Diagnostic.about("query_cache_type", size.origin(), DiagnosticCode.QUERY_CACHE_IMPLIED_ON, Severity.WARNING));
	}

	private void putComputed(Map<String, EffectiveVariable> effective, String name, long value, Origin rule) {
		VariableSpec spec = this.specs.get(name);
		effective.put(name, SettingsNormalizer.numeric(spec, value, rule, List.of()));
	}

}
