package dev.memplan.app;

import dev.memplan.live.ProbeFailure;
import dev.memplan.livereading.LiveReading;

/** A live probe ends in a plan beside the server's own figures, or in one clear failure. */
public sealed interface LiveOutcome {

	record Planned(PlanResult result, LiveReading reading, LiveFigures figures) implements LiveOutcome {
	}

	record Failed(ProbeFailure failure) implements LiveOutcome {
	}

}
