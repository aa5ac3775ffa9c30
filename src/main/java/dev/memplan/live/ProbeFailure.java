package dev.memplan.live;

/** Why a probe gave no snapshot; each kind has one clear message on the page and a type in the JSON. */
public record ProbeFailure(Kind kind, String message) {

	public enum Kind {
		DISABLED, HOST_NOT_ALLOWED, UNKNOWN_HOST, REFUSED, TIMED_OUT, ACCESS_DENIED, TLS_UNAVAILABLE, CONNECTION_LOST, FAILED
	}

}
