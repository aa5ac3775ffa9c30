package dev.memplan.budget;

/**
 * What the solver knows about the connections the server must serve besides the host's expected
 * load, and whether max_connections may go down at all.
 *
 * @param allowFewerConnections the user lets the solver lower max_connections (never below what must be served)
 * @param maxUsedConnections a live server's Max_used_connections, or null
 * @param threadsConnected a live server's Threads_connected now, or null: SET PERSIST never goes below it
 */
public record ConnectionPolicy(boolean allowFewerConnections, Long maxUsedConnections, Long threadsConnected) {

	/** Keep max_connections at least where it is; nothing known from a live server. */
	public static final ConnectionPolicy KEEP = new ConnectionPolicy(false, null, null);

	public ConnectionPolicy withAllowFewerConnections(boolean allow) {
		return new ConnectionPolicy(allow, this.maxUsedConnections, this.threadsConnected);
	}

}
