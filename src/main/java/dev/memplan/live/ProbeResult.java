package dev.memplan.live;

import dev.memplan.livereading.LiveSnapshot;

/** A probe either read the server or failed in one of a few ways the user can act on. */
public sealed interface ProbeResult {

	record Connected(LiveSnapshot snapshot) implements ProbeResult {
	}

	record Failed(ProbeFailure failure) implements ProbeResult {
	}

}
