package dev.memplan.live;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;
import dev.memplan.livereading.LiveSnapshot;

/**
 * The memory a server reports about itself. Every reading is optional: without the privilege,
 * the rest of the report still renders and the notes say what is missing (as findings, worded in
 * the reader's language).
 */
record MeasuredMemory(Long totalBytes, List<Diagnostic> notes, List<LiveSnapshot.Consumer> consumers, Long performanceSchemaBytes) {

	private static Diagnostic note(DiagnosticCode code, Object... args) {
		return Diagnostic.of(code, Severity.INFO, args);
	}

	/** MariaDB: Memory_used (buffer pool, key cache, Aria, query cache, log buffer) and per-connection MEMORY_USED. */
	static MeasuredMemory mariaDb(Connection connection, Map<String, String> status) {
		Long total = LiveSnapshot.number(status.get("memory_used"));
		List<LiveSnapshot.Consumer> consumers = new ArrayList<>();
		List<Diagnostic> notes = new ArrayList<>(List.of(note(DiagnosticCode.MEASURED_MEMORY_USED), note(DiagnosticCode.MEASURED_LEAVES_OUT)));
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery("SELECT ID, USER, MEMORY_USED FROM information_schema.PROCESSLIST "
						+ "ORDER BY MEMORY_USED DESC LIMIT 10")) {
			while (rows.next()) {
				consumers.add(new LiveSnapshot.Consumer("connection " + rows.getLong(1) + " (" + rows.getString(2) + ")", rows.getLong(3)));
			}
			notes.add(note(DiagnosticCode.MEASURED_CONNECTIONS_LISTED));
		}
		catch (SQLException ex) {
			notes.add(note(DiagnosticCode.MEASURED_CONNECTIONS_UNREADABLE, ex.getErrorCode()));
		}
		return new MeasuredMemory(total, notes, consumers, null);
	}

	/**
	 * P_S's own size as its memory/performance_schema/% instruments count it (always on, 5.7 and 8.0).
	 * SHOW ENGINE PERFORMANCE_SCHEMA STATUS is not used: on 8.0.15 its performance_schema.memory row
	 * said 187,812,368 bytes while the instruments said 277,408,784, and the server's resident memory
	 * with performance_schema ON minus OFF (same configuration, idle) was 289,579,008 bytes: the
	 * instruments are the figure that matches (5.7.22 and 8.0.31: both agree; docs/measurements-mysql.md).
	 */
	static final String PERFORMANCE_SCHEMA_SIZE = "SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) FROM "
			+ "performance_schema.memory_summary_global_by_event_name WHERE EVENT_NAME LIKE 'memory/performance_schema/%'";

	/**
	 * MySQL: the sum of the performance_schema memory instruments (as sys.memory_global_total), the
	 * top areas, and P_S's own size. On 5.7 only P_S's own instruments are on by default: a sum
	 * of those alone is not the server's memory and is not reported as such.
	 */
	static MeasuredMemory mySql(Connection connection) {
		Long total = null;
		List<LiveSnapshot.Consumer> consumers = new ArrayList<>();
		List<Diagnostic> notes = new ArrayList<>();
		Long performanceSchema = null;
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery(PERFORMANCE_SCHEMA_SIZE)) {
			if (rows.next()) {
				performanceSchema = rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			notes.add(note(DiagnosticCode.MEASURED_NEEDS_PERFORMANCE_SCHEMA, ex.getErrorCode()));
			return new MeasuredMemory(null, notes, consumers, null);
		}
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery("SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(EVENT_NAME, '/', 2), '/', -1) AS area, "
						+ "SUM(CURRENT_NUMBER_OF_BYTES_USED) AS bytes FROM performance_schema.memory_summary_global_by_event_name "
						+ "GROUP BY area ORDER BY bytes DESC")) {
			long sum = 0;
			boolean beyondItself = false;
			while (rows.next()) {
				long bytes = rows.getLong(2);
				sum += bytes;
				beyondItself |= bytes > 0 && !"performance_schema".equals(rows.getString(1));
				if (consumers.size() < 10) {
					consumers.add(new LiveSnapshot.Consumer(rows.getString(1), bytes));
				}
			}
			if (beyondItself) {
				total = sum;
				notes.add(note(DiagnosticCode.MEASURED_INSTRUMENTS_SUM));
				notes.add(note(DiagnosticCode.MEASURED_LEAVES_OUT));
			}
			else {
				consumers.clear();
				notes.add(note(DiagnosticCode.MEASURED_ONLY_PERFORMANCE_SCHEMA));
			}
		}
		catch (SQLException ex) {
			notes.add(note(DiagnosticCode.MEASURED_AREAS_UNREADABLE, ex.getErrorCode()));
		}
		return new MeasuredMemory(total, notes, consumers, performanceSchema);
	}

}
