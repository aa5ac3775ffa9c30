package dev.memplan.app.fleet;

import java.time.Duration;
import java.util.Map;

/**
 * One server of the inventory, validated: a unique name, where to reach it, how to log in (the
 * password's source, never the password), the host's RAM as written, and the labels it carries
 * into the page, the API and every metric.
 *
 * @param deadline the longest one probe of this target may take, connecting and reading together
 * @param line the line of the inventory where the target starts, for messages
 * @param expectedConnections null: use the server's Max_used_connections
 */
public record FleetTarget(String name, String host, int port, String user, PasswordSource password, String tls,
		String hostRam, long hostRamBytes, String expectedConnections, Map<String, String> labels, Duration connectTimeout,
		Duration socketTimeout, Duration deadline, int line) {

	public FleetTarget {
		labels = Map.copyOf(labels);
	}

	/** host:port for the page and the API; never the user or the password. */
	public String address() {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}
