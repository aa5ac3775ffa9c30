package dev.memplan.web.live;

import dev.memplan.live.LiveReading;
import dev.memplan.live.ProbeFailure;
import dev.memplan.web.PlanResult;

/** A live probe ends in a plan beside the server's own figures, or in one clear failure. */
public sealed interface LiveOutcome {

	record Planned(PlanResult result, LiveReading reading) implements LiveOutcome {
	}

	record Failed(ProbeFailure failure) implements LiveOutcome {
	}

}
