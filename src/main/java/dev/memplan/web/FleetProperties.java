package dev.memplan.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.memplan.app.fleet.FleetSettings;

/**
 * memplan.fleet.*: the inventory file (the fleet is off without one), how often to scan it, how
 * many targets at once, and this replica's shard ({@code i/n}, from 0).
 */
@ConfigurationProperties("memplan.fleet")
public record FleetProperties(String inventory, Duration interval, Integer concurrency, String shard) {

	public FleetProperties {
		interval = (interval != null) ? interval : FleetSettings.DEFAULT_INTERVAL;
		concurrency = (concurrency != null) ? concurrency : FleetSettings.DEFAULT_CONCURRENCY;
	}

	public boolean enabled() {
		return this.inventory != null && !this.inventory.isBlank();
	}

}
