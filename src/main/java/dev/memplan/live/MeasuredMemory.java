package dev.memplan.live;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.memplan.livereading.LiveSnapshot;

/**
 * The memory a server reports about itself. Every reading is optional: without the privilege,
 * the rest of the report still renders and the note says what is missing.
 */
record MeasuredMemory(Long totalBytes, String note, List<LiveSnapshot.Consumer> consumers, Long performanceSchemaBytes) {

	private static final String LEAVES_OUT = "It leaves out thread stacks and allocator overhead, so resident memory (RSS) is higher; "
			+ "it is the figure now, not the peak — the server does not report its resident high-water mark.";

	/** MariaDB: Memory_used (buffer pool, key cache, Aria, query cache, log buffer) and per-connection MEMORY_USED. */
	static MeasuredMemory mariaDb(Connection connection, Map<String, String> status) {
		Long total = LiveSnapshot.number(status.get("memory_used"));
		List<LiveSnapshot.Consumer> consumers = new ArrayList<>();
		String note = "Memory_used from SHOW GLOBAL STATUS. " + LEAVES_OUT;
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery("SELECT ID, USER, MEMORY_USED FROM information_schema.PROCESSLIST "
						+ "ORDER BY MEMORY_USED DESC LIMIT 10")) {
			while (rows.next()) {
				consumers.add(new LiveSnapshot.Consumer("connection " + rows.getLong(1) + " (" + rows.getString(2) + ")", rows.getLong(3)));
			}
			note += " Connections listed: those this user may see (all of them with the PROCESS privilege).";
		}
		catch (SQLException ex) {
			note += " The per-connection list could not be read (" + ex.getErrorCode() + ").";
		}
		return new MeasuredMemory(total, note, consumers, null);
	}

	/** MySQL 8.0+: sys.memory_global_total, the top P_S memory areas, and P_S's own size. */
	static MeasuredMemory mySql(Connection connection) {
		Long total = null;
		List<LiveSnapshot.Consumer> consumers = new ArrayList<>();
		StringBuilder note = new StringBuilder();
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery("SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) FROM "
						+ "performance_schema.memory_summary_global_by_event_name")) {
			if (rows.next()) {
				total = rows.getLong(1);
			}
			note.append("Sum of performance_schema memory instruments (as sys.memory_global_total). ").append(LEAVES_OUT);
		}
		catch (SQLException ex) {
			note.append("Measured memory needs SELECT on performance_schema (and MySQL 8.0+, or 5.7 with memory instruments on); "
					+ "this user could not read it (" + ex.getErrorCode() + ").");
		}
		if (total != null) {
			try (Statement statement = LiveServerProbe.statement(connection);
					ResultSet rows = statement.executeQuery("SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(EVENT_NAME, '/', 2), '/', -1) AS area, "
							+ "SUM(CURRENT_NUMBER_OF_BYTES_USED) AS bytes FROM performance_schema.memory_summary_global_by_event_name "
							+ "GROUP BY area ORDER BY bytes DESC LIMIT 10")) {
				while (rows.next()) {
					consumers.add(new LiveSnapshot.Consumer(rows.getString(1), rows.getLong(2)));
				}
			}
			catch (SQLException ex) {
				note.append(" The areas could not be listed (").append(ex.getErrorCode()).append(").");
			}
		}
		Long performanceSchema = null;
		try (Statement statement = LiveServerProbe.statement(connection);
				ResultSet rows = statement.executeQuery("SHOW ENGINE PERFORMANCE_SCHEMA STATUS")) {
			while (rows.next()) {
				if ("performance_schema.memory".equalsIgnoreCase(rows.getString(2))) {
					performanceSchema = LiveSnapshot.number(rows.getString(3));
				}
			}
		}
		catch (SQLException ex) {
			note.append(" performance_schema's own size needs the PROCESS privilege (").append(ex.getErrorCode()).append(").");
		}
		return new MeasuredMemory(total, note.toString(), consumers, performanceSchema);
	}

}
