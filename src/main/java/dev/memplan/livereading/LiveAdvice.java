package dev.memplan.livereading;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;

/** What SHOW GLOBAL STATUS says about how the per-connection buffers are really used. */
final class LiveAdvice {

	private LiveAdvice() {
	}

	static List<Diagnostic> advise(LiveSnapshot snapshot, long maxConnections) {
		List<Diagnostic> advice = new ArrayList<>();
		Long mergePasses = snapshot.statusNumber("sort_merge_passes");
		if (mergePasses != null && mergePasses > 0) {
			advice.add(new Diagnostic("SORT_MERGE_PASSES", Severity.ADVICE, "Sort_merge_passes = " + mergePasses
					+ ": some sorts did not fit the sort buffer and merged through temporary files. Find those queries and raise "
					+ "sort_buffer_size for their sessions rather than globally.", "sort_buffer_size", Origin.live()).withArgs(mergePasses));
		}
		Long diskTables = snapshot.statusNumber("created_tmp_disk_tables");
		Long tables = snapshot.statusNumber("created_tmp_tables");
		if (diskTables != null && tables != null && tables > 0 && diskTables > 100 && diskTables * 4 > tables) {
			advice.add(new Diagnostic("TMP_TABLES_ON_DISK", Severity.ADVICE, diskTables + " of " + tables
					+ " internal temporary tables went to disk (" + (diskTables * 100 / tables)
					+ " %): larger tmp_table_size and max_heap_table_size help only if the queries cannot be fixed, and each "
					+ "connection may use that much.", "tmp_table_size", Origin.live()).withArgs(diskTables, tables, diskTables * 100 / tables));
		}
		Long maxUsed = snapshot.statusNumber("max_used_connections");
		if (maxUsed != null && maxConnections > 0 && maxUsed * 100 >= maxConnections * 85) {
			advice.add(new Diagnostic("MAX_USED_NEAR_LIMIT", Severity.WARNING, "Max_used_connections = " + maxUsed
					+ " reached " + (maxUsed * 100 / maxConnections) + " % of max_connections (" + maxConnections
					+ "): clients may soon be refused, and the worst case is close to real.", "max_connections", Origin.live())
				.withArgs(maxUsed, maxUsed * 100 / maxConnections, maxConnections));
		}
		Long fullJoins = snapshot.statusNumber("select_full_join");
		if (fullJoins != null && fullJoins > 0) {
			advice.add(new Diagnostic("FULL_JOINS", Severity.INFO, "Select_full_join = " + fullJoins
					+ ": joins without a usable index, each allocating join buffers.", "join_buffer_size", Origin.live()).withArgs(fullJoins));
		}
		return advice;
	}

}
