package dev.memplan.live;

import java.util.List;

/**
 * Why a probe gave no snapshot; each kind has one clear message on the page and a type in the JSON.
 * {@code args} are the address, the host, the timeout in seconds, the TLS mode and the limit that
 * was reached, for pages that say it in another language ({@code probe.<KIND>}).
 */
public record ProbeFailure(Kind kind, String message, List<String> args) {

	public enum Kind {
		DISABLED, HOST_NOT_ALLOWED, UNKNOWN_HOST, REFUSED, TIMED_OUT, ACCESS_DENIED, TLS_UNAVAILABLE, CONNECTION_LOST, TOO_LARGE, BUSY,
		FAILED
	}

	public ProbeFailure {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	public ProbeFailure(Kind kind, String message) {
		this(kind, message, List.of());
	}

}
