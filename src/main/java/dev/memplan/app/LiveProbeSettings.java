package dev.memplan.app;

import java.time.Duration;
import java.util.List;

/**
 * How the live probe may be used: whether at all (and if not, why), which hosts it may reach (names,
 * CIDR ranges and host:port; empty = any), its timeouts, the deadline of one whole probe, and how
 * many probes may run at once. The web layer fills it from {@code memplan.live.*}, the command line
 * from its defaults.
 */
public record LiveProbeSettings(boolean enabled, String disabledReason, List<String> allowedHosts, Duration connectTimeout,
		Duration socketTimeout, Duration deadline, int maxConcurrent) {

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(15);

	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

	/** A probe mostly waits on the network; four at once keep a small instance's request threads free. */
	public static final int DEFAULT_MAX_CONCURRENT = 4;

	public LiveProbeSettings {
		disabledReason = (disabledReason != null) ? disabledReason
				: "Connecting to live servers is switched off here (memplan.live.enabled=false).";
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : DEFAULT_CONNECT_TIMEOUT;
		socketTimeout = (socketTimeout != null) ? socketTimeout : DEFAULT_SOCKET_TIMEOUT;
		deadline = (deadline != null) ? deadline : DEFAULT_DEADLINE;
		maxConcurrent = (maxConcurrent > 0) ? maxConcurrent : DEFAULT_MAX_CONCURRENT;
	}

	public LiveProbeSettings(boolean enabled, List<String> allowedHosts, Duration connectTimeout, Duration socketTimeout) {
		this(enabled, null, allowedHosts, connectTimeout, socketTimeout, null, 0);
	}

	/** The command line's: any host the user names, default timeouts and deadline. */
	public static LiveProbeSettings commandLine() {
		return new LiveProbeSettings(true, List.of(), null, null);
	}

}
