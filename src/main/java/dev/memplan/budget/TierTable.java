package dev.memplan.budget;

import java.util.List;
import java.util.Optional;

import dev.memplan.catalog.DataFiles;
import dev.memplan.core.ByteSize;

/**
 * The size-tiered buffer pool table of docs/memory-model.md#tier-table, read from {@code catalog/rds-tiers.tsv}:
 * the smaller the host, the lower the ratio, because each connection's memory is fixed.
 */
public final class TierTable {

	/** Below the smallest tier. */
	static final int SMALLEST_RATIO = 50;

	private static final TierTable STANDARD = new TierTable(load());

	private final List<Tier> tiers;

	TierTable(List<Tier> tiers) {
		this.tiers = List.copyOf(tiers);
	}

	public static TierTable standard() {
		return STANDARD;
	}

	public List<Tier> tiers() {
		return this.tiers;
	}

	/** The tier with the largest memory not above the host's RAM; empty below the smallest tier. */
	public Optional<Tier> tierFor(long hostRamBytes) {
		Tier chosen = null;
		for (Tier tier : this.tiers) {
			if (tier.memoryBytes() <= hostRamBytes && (chosen == null || tier.memoryBytes() > chosen.memoryBytes())) {
				chosen = tier;
			}
		}
		return Optional.ofNullable(chosen);
	}

	public int ratioFor(long hostRamBytes) {
		return tierFor(hostRamBytes).map(Tier::ratioPercent).orElse(SMALLEST_RATIO);
	}

	private static List<Tier> load() {
		return DataFiles.rows("catalog/rds-tiers.tsv").stream()
			.map((row) -> new Tier(row[0], ByteSize.parseHostMemory(row[1]).toLongExact(),
					ByteSize.parseHostMemory(row[2]).toLongExact(), Integer.parseInt(row[3])))
			.toList();
	}

}
