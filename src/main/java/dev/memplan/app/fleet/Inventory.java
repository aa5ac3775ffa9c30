package dev.memplan.app.fleet;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The servers memplan watches, as read from the inventory file.
 *
 * @param source the file's name, for messages and the {@code inventory} label of the metrics
 * @param labelKeys every label key any target uses, sorted: Prometheus wants one label set per metric,
 * so a target without a key carries it empty
 */
public record Inventory(String source, List<FleetTarget> targets, SortedSet<String> labelKeys) {

	public Inventory {
		targets = List.copyOf(targets);
		labelKeys = new TreeSet<>(labelKeys);
	}

	public static Inventory of(String source, List<FleetTarget> targets) {
		SortedSet<String> keys = new TreeSet<>();
		targets.forEach((target) -> keys.addAll(target.labels().keySet()));
		return new Inventory(source, targets, keys);
	}

	public Optional<FleetTarget> target(String name) {
		return this.targets.stream().filter((target) -> target.name().equals(name)).findFirst();
	}

	/** The targets this replica scans: those whose name hashes into its shard. */
	public Inventory shard(Shard shard) {
		return new Inventory(this.source, this.targets.stream().filter((target) -> shard.includes(target.name())).toList(),
				this.labelKeys);
	}

}
