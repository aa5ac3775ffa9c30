package dev.memplan.budget;

/**
 * The connections a recommendation must keep: the most of the expected load (input),
 * Max_used_connections and Threads_connected (live), and the configured max_connections unless
 * the user allows it to go down.
 *
 * @param configured max_connections as the server runs it now
 * @param observed the most of expected, Max_used_connections and Threads_connected; 0 when none is known
 */
public record ConnectionDemand(long configured, long observed, boolean allowFewer, Long threadsConnected) {

	/**
	 * With nothing known about the load and the user allowing fewer connections, max_connections
	 * still keeps this many (MariaDB's own minimum): an administrator and a few clients.
	 */
	static final long FLOOR_WITHOUT_LOAD = 10;

	static ConnectionDemand of(long configured, Long expected, ConnectionPolicy policy) {
		long observed = Math.max(orZero(expected), Math.max(orZero(policy.maxUsedConnections()), orZero(policy.threadsConnected())));
		return new ConnectionDemand(configured, observed, policy.allowFewerConnections(), policy.threadsConnected());
	}

	/** max_connections when connections are kept: the configured value, raised to the observed load. */
	public long kept() {
		return Math.max(this.configured, this.observed);
	}

	/** The fewest max_connections a recommendation may set if the user allows fewer: never 0, never below the load. */
	public long lowestAllowed() {
		return (this.observed > 0) ? this.observed : Math.min(this.configured, FLOOR_WITHOUT_LOAD);
	}

	/** What the server must serve: the kept value, or the lowest allowed one when the user lets it go down. */
	public long mustServe() {
		return this.allowFewer ? lowestAllowed() : kept();
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
