package dev.memplan.app;

import java.time.Duration;
import java.util.List;

/**
 * How the live probe may be used: whether at all, which hosts it may reach (names and CIDR
 * ranges; empty = any), and its timeouts. The web layer fills it from {@code memplan.live.*},
 * the command line from its defaults.
 */
public record LiveProbeSettings(boolean enabled, List<String> allowedHosts, Duration connectTimeout, Duration socketTimeout) {

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(15);

	public LiveProbeSettings {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : DEFAULT_CONNECT_TIMEOUT;
		socketTimeout = (socketTimeout != null) ? socketTimeout : DEFAULT_SOCKET_TIMEOUT;
	}

	/** The command line's: any host the user names, default timeouts. */
	public static LiveProbeSettings commandLine() {
		return new LiveProbeSettings(true, List.of(), null, null);
	}

}
