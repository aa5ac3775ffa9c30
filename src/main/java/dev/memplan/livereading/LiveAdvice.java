package dev.memplan.livereading;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/** What SHOW GLOBAL STATUS says about how the per-connection buffers are really used. */
final class LiveAdvice {

	private LiveAdvice() {
	}

	static List<Diagnostic> advise(LiveSnapshot snapshot, long maxConnections) {
		List<Diagnostic> advice = new ArrayList<>();
		Long mergePasses = snapshot.statusNumber("sort_merge_passes");
		if (mergePasses != null && mergePasses > 0) {
			advice.add(Diagnostic.about("sort_buffer_size", Origin.live(), DiagnosticCode.SORT_MERGE_PASSES, Severity.ADVICE, mergePasses));
		}
		Long diskTables = snapshot.statusNumber("created_tmp_disk_tables");
		Long tables = snapshot.statusNumber("created_tmp_tables");
		if (diskTables != null && tables != null && tables > 0 && diskTables > 100 && diskTables * 4 > tables) {
			advice.add(Diagnostic.about("tmp_table_size", Origin.live(), DiagnosticCode.TMP_TABLES_ON_DISK, Severity.ADVICE, diskTables, tables, diskTables * 100 / tables));
		}
		Long maxUsed = snapshot.statusNumber("max_used_connections");
		if (maxUsed != null && maxConnections > 0 && maxUsed * 100 >= maxConnections * 85) {
			advice.add(Diagnostic.about("max_connections", Origin.live(), DiagnosticCode.MAX_USED_NEAR_LIMIT, Severity.WARNING, maxUsed, maxUsed * 100 / maxConnections, maxConnections));
		}
		Long fullJoins = snapshot.statusNumber("select_full_join");
		if (fullJoins != null && fullJoins > 0) {
			advice.add(Diagnostic.about("join_buffer_size", Origin.live(), DiagnosticCode.FULL_JOINS, Severity.INFO, fullJoins));
		}
		return advice;
	}

}
