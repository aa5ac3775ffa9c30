package dev.memplan.app.fleet;

import java.time.Duration;

/**
 * memplan.fleet.*: how often to scan, how many targets at once, and which share of the inventory
 * this replica scans.
 */
public record FleetSettings(Duration interval, int concurrency, Shard shard) {

	public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

	public static final int DEFAULT_CONCURRENCY = 16;

	public FleetSettings {
		interval = (interval != null) ? interval : DEFAULT_INTERVAL;
		shard = (shard != null) ? shard : Shard.ALL;
		if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("memplan.fleet.interval must be at least 1s");
		}
		if (concurrency < 1 || concurrency > 1024) {
			throw new IllegalArgumentException("memplan.fleet.concurrency must be from 1 to 1024");
		}
	}

}
