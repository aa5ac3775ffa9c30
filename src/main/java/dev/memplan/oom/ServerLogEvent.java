package dev.memplan.oom;

/**
 * One line of the database server's own log (error log, mysqld_safe, {@code journalctl -u
 * mysql|mariadb}) that tells part of an incident (docs/oom.md#server-logs).
 *
 * @param kind what happened
 * @param input which paste box the line came from ({@code log} or {@code serverLog})
 * @param line the line number in that box
 * @param time the line's timestamp, or null (untimestamped InnoDB lines of old servers)
 * @param pid the server's pid the line names ("starting as process N", {@code mysqld[N]:}), or null
 * @param counter systemd's restart counter ("restart counter is at N"), or null
 * @param text the line as pasted (cut at 300 characters)
 */
public record ServerLogEvent(Kind kind, String input, int line, LogTime time, Long pid, Integer counter, String text) {

	public enum Kind {

		/** systemd: {@code Main process exited, code=killed, status=9/KILL}, or that the OOM killer killed the unit's process. */
		KILLED,

		/** mysqld_safe: {@code mysqld from pid file … ended} (after a kill and after a normal stop alike). */
		ENDED,

		/** systemd's {@code Scheduled restart job} or mysqld_safe's {@code mysqld restarted}. */
		RESTART,

		/** The server starting: {@code starting as process N}, MariaDB's {@code Starting MariaDB … as process N}. */
		START,

		/** InnoDB crash recovery: {@code Database was not shut down normally}, {@code Starting crash recovery}. */
		RECOVERY,

		/** {@code ready for connections}: the server is back. */
		READY,

		/** A normal stop: {@code Normal shutdown}, {@code Shutdown complete}, systemd's {@code Stopping}. */
		SHUTDOWN

	}

}
