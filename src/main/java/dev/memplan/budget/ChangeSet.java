package dev.memplan.budget;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One complete, consistent recommendation: every variable it changes and the budget of the
 * configuration with those changes, planned again through the same calculator.
 *
 * @param fits false when no change within the floors makes the worst case fit this host
 * @param levers the changes, largest saving first
 * @param values every value the recommendation writes (levers, companions such as max_heap_table_size, the pool layout)
 * @param replanned the budget of the recommended configuration
 * @param smallestFittingRamBytes when nothing fits: the smallest host RAM on which this option fits; else null
 */
public record ChangeSet(Option option, boolean fits, List<Lever> levers, Map<String, Long> values, long maxConnections, long bufferPoolBytes,
		Budget replanned, Long smallestFittingRamBytes) {

	public ChangeSet {
		levers = List.copyOf(levers);
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public enum Option {
		/** Keep the connections the server must serve; shrink buffers and the pool. */
		KEEP_CONNECTIONS,
		/** Keep the recommended pool; lower max_connections to what fits, never below what must be served. */
		KEEP_POOL
	}

}
