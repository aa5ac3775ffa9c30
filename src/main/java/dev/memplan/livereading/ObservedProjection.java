package dev.memplan.livereading;

import java.util.List;
import java.util.Map;

import dev.memplan.budget.Budget;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.Scope;
import dev.memplan.catalog.ServerProfile;

/**
 * The expected peak projected from what a live server observed: the global caches as far as the
 * server has filled them, the server's own base, and every connection at the average high-water
 * mark the open connections reached, as resident memory ({@link ProjectionCalibration}: fitted on
 * the accuracy matrix; docs/memory-terms.md#projection). MySQL's base and a MySQL connection's
 * untracked pages are measured on MySQL (MariaDB's base left 8.0.31's idle rows 9 to 15 % low). A
 * result the server sends is not in the marks (MariaDB kept an 86 KiB mark while a session sent a
 * 30 MB result and held 57 MiB more: bench/results/projection-terms.txt), so when the user states the
 * largest packet a connection holds at least its untracked copies; the statement's tracked peak and
 * the result's copies come at different moments, so the larger of the two is counted, not the sum.
 * It is a projection of the load the server has seen, not a bound: the ceiling is the bound, and it
 * keeps the allocator's slack.
 *
 * @param residentGlobalBytes the global terms with the buffer pool, key cache, Aria cache and open tables
 * at what the server reports in use, plus the server's base
 * @param serverBaseBytes the server's base in residentGlobalBytes: memory-terms.tsv's server_base, or on
 * MySQL MySQL's own ({@link ProjectionCalibration.MySqlBase})
 * @param perConnectionBytes the average high-water mark as resident memory, or the untracked copies of the
 * largest packet given when they are more
 * @param atMaxUsedBytes at Max_used_connections, or null when the server did not say
 * @param atMaxConnectionsBytes at max_connections
 * @param basis whose marks the projection takes
 */
public record ObservedProjection(long residentGlobalBytes, long serverBaseBytes, long perConnectionBytes, Long atMaxUsedBytes,
		long atMaxConnectionsBytes, Basis basis) {

	/** Whose high-water marks a connection is projected at. */
	public enum Basis {
		/** the average mark of the client connections open now */
		OPEN_CONNECTIONS,
		/**
		 * MySQL with no client connection open: the largest session any account has had since start-up
		 * (accounts.MAX_SESSION_TOTAL_MEMORY). A connection memory cap closes the connection that passes
		 * it, and its mark goes with it: in the matrix's capped 8.0.31 multitemp rows every session was
		 * closed (error 4082) and nothing was left to project from (bench/results/matrix.txt, 19:48Z).
		 * The largest session is not the typical one, so this errs high.
		 */
		LARGEST_SESSION_EVER,
		/**
		 * MySQL with no client connection open and the largest session since start-up at or over
		 * connection_memory_limit: connections grow toward the cap, and it closes each as it reaches
		 * it, at different moments, so at the peak they hold part of it. Each connection counts at
		 * half the cap (an assumption of closings spread evenly; in the matrix's capped 8.0.31
		 * multitemp rows, six runs, the closed sessions held 0.43 to 0.68 of the cap resident at the
		 * peak, where counting the whole cap put the projection 8 to 60 % above peak RSS).
		 */
		CONNECTION_MEMORY_LIMIT
	}

	/**
	 * null when the server kept no marks to project from: no client connection open and, on MySQL, no
	 * account's largest session either.
	 * @param largestPacketBytes the largest packet the user stated, or null: the assumed default is not
	 * counted here, as the projection follows what the server saw, and an idle connection sent no result
	 */
	public static ObservedProjection of(Budget budget, LiveSnapshot snapshot, ServerProfile profile, MemoryTerms terms,
			Long largestPacketBytes) {
		return of(budget, snapshot, profile, terms, largestPacketBytes, ProjectionCalibration.standard());
	}

	static ObservedProjection of(Budget budget, LiveSnapshot snapshot, ServerProfile profile, MemoryTerms terms, Long largestPacketBytes,
			ProjectionCalibration calibration) {
		ObservedPeaks observed = snapshot.observed();
		Basis basis = basis(observed, snapshot.variables());
		Long mark = switch (basis) {
			case OPEN_CONNECTIONS -> observed.typicalBytes();
			case LARGEST_SESSION_EVER -> observed.largestSessionEverBytes();
			case CONNECTION_MEMORY_LIMIT -> connectionMemoryLimit(snapshot.variables()) / 2;
		};
		if (mark == null) {
			return null;
		}
		ProjectionCalibration.MySqlBase mySql = profile.isMariaDb() ? null : calibration.mySqlBase();
		long base = (mySql != null) ? mySql.serverBytes(number(snapshot.variables(), "innodb_buffer_pool_size", 0L)) : terms.serverBaseBytes();
		long global = Math.addExact(residentGlobal(budget.lineItems(), snapshot.variables(), snapshot.status(), terms,
				calibration, snapshot.topConsumers()), base);
		// measured under glibc malloc; with jemalloc the resident share is smaller, so this errs high there;
		// half the cap is already what a closed connection held resident (the matrix's range above)
		long resident = switch (basis) {
			case OPEN_CONNECTIONS -> (observed.typicalTempTableBytes() != null)
					? calibration.resident(mark, observed.typicalTempTableBytes()) : calibration.resident(mark);
			case LARGEST_SESSION_EVER -> calibration.resident(mark);
			case CONNECTION_MEMORY_LIMIT -> mark;
		};
		long perConnection = Math.addExact(Math.max(resident, untrackedPacketCopies(largestPacketBytes, snapshot.variables(), calibration)),
				(mySql != null) ? mySql.untrackedPerConnectionBytes() : 0);
		Long maxUsed = snapshot.statusNumber("max_used_connections");
		long maxConnections = Math.subtractExact(budget.connectionSlots(), 1);
		return new ObservedProjection(global, base, perConnection, (maxUsed != null) ? at(global, maxUsed, perConnection) : null,
				at(global, maxConnections, perConnection), basis);
	}

	/**
	 * Open connections' marks first. Without them, the largest session since start-up, unless it
	 * reached connection_memory_limit: then the cap, not that session, bounds the connections (the
	 * largest is often an administrator's, a data load or an ALTER, whom the cap does not bind: in the
	 * matrix's capped 8.0.31 rows the loader's 68 MB against a 20 MiB cap).
	 */
	private static Basis basis(ObservedPeaks observed, Map<String, String> variables) {
		if (observed.hasMarks()) {
			return Basis.OPEN_CONNECTIONS;
		}
		Long largest = observed.largestSessionEverBytes();
		Long cap = connectionMemoryLimit(variables);
		return (largest != null && cap != null && largest >= cap) ? Basis.CONNECTION_MEMORY_LIMIT : Basis.LARGEST_SESSION_EVER;
	}

	/** connection_memory_limit when one is set (MySQL 8.0.28+; 0 or absent: none), else null. */
	private static Long connectionMemoryLimit(Map<String, String> variables) {
		Long cap = LiveSnapshot.number(variables.get("connection_memory_limit"));
		return (cap != null && cap > 0) ? cap : null;
	}

	/** The copies of a sent result the marks leave out; the packet is bounded by max_allowed_packet. */
	static long untrackedPacketCopies(Long largestPacketBytes, Map<String, String> variables, ProjectionCalibration calibration) {
		if (largestPacketBytes == null) {
			return 0;
		}
		Long allowed = LiveSnapshot.number(variables.get("max_allowed_packet"));
		long packet = (allowed != null) ? Math.min(largestPacketBytes, allowed) : largestPacketBytes;
		return Math.multiplyExact(packet, calibration.untrackedResultCopies());
	}

	private static long at(long global, long connections, long perConnection) {
		return Math.addExact(global, Math.multiplyExact(connections, perConnection));
	}

	/**
	 * Caches the server allocates but fills only as it works: count what it reports in use. MySQL 8's
	 * TempTable pool is filled by the statements themselves, and performance_schema counts those bytes
	 * in the thread's own MAX_TOTAL_MEMORY (the marks above), so here only what the pool holds now
	 * (its performance_schema area; 0 when that is not among the areas read): counting temptable_max_ram
	 * on top put the projection at more than twice the peak RSS of 50 sessions on 8.0.31 (a bench/matrix.sh trial).
	 * An open table's measured bytes (open_table) include the index pages opening it read into the
	 * buffer pool, which the pool's pages in use count already: here each open table counts without them
	 * (counted twice, 2,000 open tables put the projection 26 % above peak RSS on the matrix).
	 */
	static long residentGlobal(List<LineItem> items, Map<String, String> variables, Map<String, String> status, MemoryTerms terms,
			ProjectionCalibration calibration, List<LiveSnapshot.Consumer> areas) {
		long openTable = Math.max(0, terms.openTableBytes() - calibration.openTableInPoolBytes());
		long bytes = 0;
		for (LineItem item : items) {
			if (item.scope() != Scope.GLOBAL) {
				continue;
			}
			Long used = switch (item.id()) {
				case "buffer_pool" -> product(difference(status, "innodb_buffer_pool_pages_total", "innodb_buffer_pool_pages_free"),
						number(variables, "innodb_page_size", 16384L));
				case "key_cache" -> product(LiveSnapshot.number(status.get("key_blocks_used")), number(variables, "key_cache_block_size", 1024L));
				case "aria_pagecache" -> product(LiveSnapshot.number(status.get("aria_pagecache_blocks_used")),
						number(variables, "aria_block_size", 8192L));
				case "open_tables" -> product(LiveSnapshot.number(status.get("open_tables")), openTable);
				case "temptable" -> tempTableArea(areas);
				// the area counts RAM and mapped files alike (memory/temptable/physical_ram and physical_disk):
				// what it holds beyond the RAM pool is the mapped overflow
				case "temptable_mmap" -> Math.max(0, tempTableArea(areas) - items.stream().filter((i) -> "temptable".equals(i.id()))
					.mapToLong(LineItem::bytes).sum());
				default -> null;
			};
			bytes = Math.addExact(bytes, (used != null) ? Math.min(used, item.bytes()) : item.bytes());
		}
		return bytes;
	}

	private static long tempTableArea(List<LiveSnapshot.Consumer> areas) {
		return areas.stream().filter((area) -> "temptable".equals(area.name())).mapToLong(LiveSnapshot.Consumer::bytes).findFirst().orElse(0L);
	}

	private static Long difference(Map<String, String> status, String total, String free) {
		Long all = LiveSnapshot.number(status.get(total));
		Long unused = LiveSnapshot.number(status.get(free));
		return (all != null && unused != null) ? Math.max(0, all - unused) : null;
	}

	private static Long number(Map<String, String> values, String name, long otherwise) {
		Long value = LiveSnapshot.number(values.get(name));
		return (value != null) ? value : otherwise;
	}

	private static Long product(Long count, Long size) {
		return (count != null && size != null) ? Math.multiplyExact(count, size) : null;
	}

}
