package dev.memplan.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * memplan.live.*: whether the live probe is offered, which hosts it may reach (names and CIDR
 * ranges; empty = any), its timeouts, the deadline of one whole probe and how many run at once.
 */
@ConfigurationProperties("memplan.live")
public record LiveProperties(Boolean enabled, List<String> allowedHosts, Duration connectTimeout, Duration socketTimeout,
		Duration deadline, Integer maxConcurrent) {

	public LiveProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		socketTimeout = (socketTimeout != null) ? socketTimeout : Duration.ofSeconds(15);
		deadline = (deadline != null) ? deadline : Duration.ofSeconds(20);
		maxConcurrent = (maxConcurrent != null) ? maxConcurrent : 4;
	}

}
