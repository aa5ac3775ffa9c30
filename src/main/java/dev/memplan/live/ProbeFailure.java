package dev.memplan.live;

import java.util.List;
import java.util.Optional;

/**
 * Why a probe gave no snapshot; each kind has one clear message on the page and a type in the JSON.
 * {@code args} are the address, the host, the timeout in seconds, the TLS mode and the limit that
 * was reached, for pages that say it in another language ({@code probe.<KIND>}). {@code denied} is
 * the account an ACCESS_DENIED server named, when it named one (null otherwise).
 */
public record ProbeFailure(Kind kind, String message, List<String> args, DeniedAccount denied) {

	public enum Kind {
		DISABLED, HOST_NOT_ALLOWED, UNKNOWN_HOST, REFUSED, TIMED_OUT, ACCESS_DENIED, TLS_UNAVAILABLE, CONNECTION_LOST, TOO_LARGE, BUSY,
		FAILED
	}

	public ProbeFailure {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	public ProbeFailure(Kind kind, String message, List<String> args) {
		this(kind, message, args, null);
	}

	public ProbeFailure(Kind kind, String message) {
		this(kind, message, List.of(), null);
	}

	public Optional<DeniedAccount> deniedAccount() {
		return Optional.ofNullable(this.denied);
	}

}
