package dev.memplan.app.fleet;

import dev.memplan.app.LiveOutcome;

/** Probes and plans one target; {@link LiveTargetProber} does it with the live probe. */
@FunctionalInterface
public interface TargetProber {

	LiveOutcome probe(FleetTarget target);

}
