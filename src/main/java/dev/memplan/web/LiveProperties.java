package dev.memplan.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * memplan.live.*: whether the live probe is offered, which hosts it may reach (names and CIDR
 * ranges; empty = any), and its timeouts.
 */
@ConfigurationProperties("memplan.live")
public record LiveProperties(Boolean enabled, List<String> allowedHosts, Duration connectTimeout, Duration socketTimeout) {

	public LiveProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		socketTimeout = (socketTimeout != null) ? socketTimeout : Duration.ofSeconds(15);
	}

}
