package dev.memplan.web;

import java.util.List;

/**
 * Why the live probe is off, as a message key and its arguments, so that the /live page says it in
 * its own language; the probe and the API keep the English sentence. {@link #ON} when it is on.
 */
public record LiveOff(String key, List<String> args) {

	public static final LiveOff ON = new LiveOff(null, List.of());

	public LiveOff {
		args = List.copyOf(args);
	}

}
