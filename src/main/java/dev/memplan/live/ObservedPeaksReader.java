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
import dev.memplan.livereading.ObservedPeaks;

/**
 * Reads the per-connection high-water marks. One aggregate row per statement, so the answer is a
 * few bytes however many connections the server has; the probe's own connection is left out.
 */
final class ObservedPeaksReader {

	static final String MARIADB = "SELECT COUNT(*), ROUND(AVG(MAX_MEMORY_USED)), MAX(MAX_MEMORY_USED), NULL FROM information_schema.PROCESSLIST "
			+ "WHERE COMMAND <> 'Daemon' AND ID <> CONNECTION_ID()";

	/**
	 * TempTable's RAM, whose share of a mark becomes resident differently from the rest: a block is
	 * allocated whole and filled as rows come (docs/memory-terms.md#projection).
	 */
	static final String TEMPTABLE_RAM = "memory/temptable/physical_ram";

	/**
	 * Client connections only: the event scheduler and the GTID table compressor are FOREGROUND threads
	 * too, with the command Daemon and marks near 0; counted, they made "typical" 0 once a memory cap
	 * had closed every session (bench/results/matrix.txt, 8.0.31 multitemp with caps: a projection 61 to
	 * 80 % below peak RSS from two daemons' marks).
	 * <p>
	 * An idle connection's mark leaves out what it still holds of InnoDB's and the data dictionary's
	 * instruments: the table objects it opened, which belong to the table cache and the dictionary
	 * cache once it is done, and are counted globally through Open_tables. Measured on 8.0.31: 20 idle
	 * sessions that had opened 2,000 tables each held 6 of their 7.3 MiB marks so (memory/innodb/memory,
	 * lock0lock, dd::objects, dd::String_type, ha_innodb), and counting them per connection put the
	 * matrix's opentables rows 32 to 66 % above peak RSS (docs/memory-model.md#live-readings). Only idle
	 * ('Sleep') connections: a running statement's InnoDB memory is its own.
	 */
	static final String MYSQL_THREADS = "SELECT COUNT(*), ROUND(AVG(own)), MAX(own), ROUND(AVG(LEAST(temptable, own))) FROM (SELECT "
			+ "GREATEST(0, t.MAX_TOTAL_MEMORY - IF(t.PROCESSLIST_COMMAND = 'Sleep', GREATEST(0, COALESCE(SUM(IF(m.EVENT_NAME = '"
			+ TEMPTABLE_RAM + "', 0, m.CURRENT_NUMBER_OF_BYTES_USED)), 0)), 0)) AS own, "
			+ "COALESCE(SUM(IF(m.EVENT_NAME = '" + TEMPTABLE_RAM + "', m.HIGH_NUMBER_OF_BYTES_USED, 0)), 0) AS temptable "
			+ "FROM performance_schema.threads t LEFT JOIN performance_schema.memory_summary_by_thread_by_event_name m "
			+ "ON m.THREAD_ID = t.THREAD_ID AND (m.EVENT_NAME LIKE 'memory/innodb/%' OR m.EVENT_NAME LIKE 'memory/sql/dd::%' "
			+ "OR m.EVENT_NAME = '" + TEMPTABLE_RAM + "') "
			+ "WHERE t.TYPE = 'FOREGROUND' AND t.PROCESSLIST_COMMAND <> 'Daemon' AND t.PROCESSLIST_ID <> CONNECTION_ID() "
			+ "GROUP BY t.THREAD_ID, t.MAX_TOTAL_MEMORY, t.PROCESSLIST_COMMAND) marks";

	static final String MYSQL_ACCOUNTS = "SELECT MAX(MAX_SESSION_TOTAL_MEMORY) FROM performance_schema.accounts";

	private ObservedPeaksReader() {
	}

	static ObservedPeaks read(Connection connection, boolean mariaDb, Map<String, String> variables) {
		String malloc = variables.get("version_malloc_library");
		List<Diagnostic> missing = new ArrayList<>();
		if (malloc == null) {
			missing.add(Diagnostic.of(DiagnosticCode.OBSERVED_NO_ALLOCATOR, Severity.INFO));
		}
		if (mariaDb) {
			return marks(connection, MARIADB, "information_schema.PROCESSLIST.MAX_MEMORY_USED", null, malloc, missing,
					DiagnosticCode.OBSERVED_MARIADB_UNREADABLE);
		}
		Long largestEver = null;
		try (Statement statement = LiveServerProbe.statement(connection); ResultSet rows = statement.executeQuery(MYSQL_ACCOUNTS)) {
			if (rows.next()) {
				largestEver = nullable(rows, 1);
			}
		}
		catch (SQLException ex) {
			missing.add(Diagnostic.of(DiagnosticCode.OBSERVED_ACCOUNTS_UNREADABLE, Severity.INFO, ex.getErrorCode()));
		}
		return marks(connection, MYSQL_THREADS, "performance_schema.threads.MAX_TOTAL_MEMORY", largestEver, malloc, missing,
				DiagnosticCode.OBSERVED_MYSQL_UNREADABLE);
	}

	private static ObservedPeaks marks(Connection connection, String sql, String source, Long largestEver, String malloc,
			List<Diagnostic> missing, DiagnosticCode requirement) {
		try (Statement statement = LiveServerProbe.statement(connection); ResultSet rows = statement.executeQuery(sql)) {
			if (rows.next() && rows.getLong(1) > 0 && nullable(rows, 2) != null) {
				return new ObservedPeaks(source, rows.getLong(1), nullable(rows, 2), nullable(rows, 3), largestEver, malloc, missing,
						nullable(rows, 4));
			}
			// MySQL: a memory cap closes the connections that pass it; the accounts keep the largest session
			missing.add((largestEver != null)
					? Diagnostic.of(DiagnosticCode.OBSERVED_FROM_LARGEST_SESSION_EVER, Severity.INFO, source)
					: Diagnostic.of(DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION, Severity.INFO, source));
		}
		catch (SQLException ex) {
			missing.add(Diagnostic.of(requirement, Severity.INFO, source, ex.getErrorCode()));
		}
		return new ObservedPeaks(null, 0, null, null, largestEver, malloc, missing);
	}

	private static Long nullable(ResultSet rows, int column) throws SQLException {
		long value = rows.getLong(column);
		return rows.wasNull() ? null : value;
	}

}
