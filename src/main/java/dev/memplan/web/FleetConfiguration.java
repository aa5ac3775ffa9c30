package dev.memplan.web;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.memplan.app.LiveProbeSettings;
import dev.memplan.app.PlanService;
import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.app.fleet.FleetSettings;
import dev.memplan.app.fleet.Inventory;
import dev.memplan.app.fleet.InventoryReader;
import dev.memplan.app.fleet.LiveTargetProber;
import dev.memplan.app.fleet.Shard;

/**
 * The fleet, when {@code memplan.fleet.inventory} names a file: read and checked while the
 * application starts (a bad inventory stops it, see {@link InventoryFailureAnalyzer}), scanned on
 * start and every interval, closed with the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "memplan.fleet.inventory")
class FleetConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	FleetScanner fleetScanner(FleetProperties fleet, LiveProperties live, PlanService planService) {
		LiveProbeSettings probe = new LiveProbeSettings(true, null, live.allowedHosts(), live.connectTimeout(), live.socketTimeout(),
				live.deadline(), fleet.concurrency());
		Inventory inventory = new InventoryReader(probe, System.getenv()).read(Path.of(fleet.inventory()));
		FleetSettings settings = new FleetSettings(fleet.interval(), fleet.concurrency(), Shard.parse(fleet.shard()));
		return new FleetScanner(inventory.shard(settings.shard()), settings,
				new LiveTargetProber(probe, planService, System.getenv(), settings.concurrency()), Clock.systemUTC());
	}

	/** Bound by Boot to the Prometheus registry: every target's series exists from the first scrape. */
	@Bean
	FleetMetrics fleetMetrics(FleetScanner scanner) {
		return new FleetMetrics(scanner);
	}

}
