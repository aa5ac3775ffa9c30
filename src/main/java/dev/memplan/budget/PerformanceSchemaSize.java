package dev.memplan.budget;

import java.util.HashMap;
import java.util.Map;

import dev.memplan.catalog.DataFiles;
import dev.memplan.catalog.ServerProfile;

/**
 * performance_schema's own size without a live server, as a function of what the server sizes it
 * from (docs/memory-model.md#term-performance-schema). With its sizing autosized (-1, the default)
 * P_S allocates its history, digest and summary tables at start-up, sized by a tier of hints
 * (pfs_autosize: max_connections above the default 151 moves it up, and on MySQL the table caches,
 * whose defaults already put MySQL in the largest tier), and its thread instances 256 at a time,
 * each page carrying every thread's history and per-instrument summaries: one page at start-up,
 * another each time the threads (the connections plus the server's background threads) pass a
 * multiple of 256. So the size at {@code max_connections} connected is the start-up figure for
 * those connections plus a page per 256 threads beyond the first. The figures are measured per
 * server family
 * (bench/ps-size.sh, fitted by bench/lib/ps_fit.py into {@code catalog/performance-schema.tsv});
 * none is typed into the code.
 *
 * @param startBytesTo151 what P_S holds at start-up with max_connections at most 151 (the largest measured)
 * @param startBytesAbove151 the same above 151, never less than the first
 * @param useBytes what P_S grew by once the first page's threads had connected and run a statement (lazily allocated)
 * @param threadPageBytes what one more page of thread instances adds
 * @param threadsPerPage thread instances per page
 * @param backgroundThreads the server's own threads that P_S instruments beside the connections (default configuration)
 */
public record PerformanceSchemaSize(long startBytesTo151, long startBytesAbove151, long useBytes, long threadPageBytes, int threadsPerPage, int backgroundThreads) {

	public static final String RESOURCE = "catalog/performance-schema.tsv";

	/** The connections above which the server's hints size P_S's tables for a larger tier (its default max_connections). */
	static final long HINT_CONNECTIONS = 151;

	private static final Map<String, PerformanceSchemaSize> MEASURED = read(RESOURCE);

	/**
	 * The measured figures for the profile's family: 5.7.22 stands for 5.6 and 5.7 (5.6 is not measured:
	 * its P_S allocates everything at start-up, which the 5.7 figure at the same connections bounds only as an
	 * assumption), 8.0.31 for 8.0 and 8.4, MariaDB 10.11 for every MariaDB (10.5 onwards carry the same P_S).
	 */
	public static PerformanceSchemaSize of(ServerProfile profile) {
		String key = profile.isMariaDb() ? "mariadb" : profile.isAtLeast(8, 0) ? "mysql-8.0" : "mysql-5.7";
		return MEASURED.get(key);
	}

	/** Which measured server the profile's figure comes from. */
	public static String measuredOn(ServerProfile profile) {
		return profile.isMariaDb() ? "MariaDB 10.11" : profile.isAtLeast(8, 0) ? "MySQL 8.0.31" : "MySQL 5.7.22";
	}

	/** Thread-instance pages filled when {@code maxConnections} connections and the administrator's slot are connected. */
	long pages(long maxConnections) {
		long threads = Math.addExact(Math.addExact(maxConnections, 1), this.backgroundThreads);
		return Math.max(1, (threads + this.threadsPerPage - 1) / this.threadsPerPage);
	}

	/** What P_S allocates at start-up with these connections. */
	public long startBytes(long maxConnections) {
		return maxConnections <= HINT_CONNECTIONS ? this.startBytesTo151 : this.startBytesAbove151;
	}

	/** P_S's bytes with every connection slot taken. */
	public long bytesAt(long maxConnections) {
		return Math.addExact(Math.addExact(startBytes(maxConnections), this.useBytes), Math.multiplyExact(pages(maxConnections) - 1, this.threadPageBytes));
	}

	static Map<String, PerformanceSchemaSize> read(String resource) {
		Map<String, PerformanceSchemaSize> sizes = new HashMap<>();
		for (String[] row : DataFiles.rows(resource)) {
			sizes.put(row[0].strip(), new PerformanceSchemaSize(Long.parseLong(row[1].strip()), Long.parseLong(row[2].strip()), Long.parseLong(row[3].strip()),
					Long.parseLong(row[4].strip()), Integer.parseInt(row[5].strip()), Integer.parseInt(row[6].strip())));
		}
		for (String family : new String[] { "mysql-5.7", "mysql-8.0", "mariadb" }) {
			if (!sizes.containsKey(family)) {
				throw new IllegalStateException(resource + " lacks " + family + "; run bench/ps-size.sh");
			}
		}
		return Map.copyOf(sizes);
	}

}
