package dev.memplan.oom;

import java.util.List;

/**
 * The whole incident from the kernel log and the server's own log (docs/oom.md#timeline): one
 * timeline — OOM kill, restart, crash recovery, ready, killed again — and one sentence.
 *
 * @param timeline the entries in time order, at most {@link IncidentTimeline#MAX_ENTRIES}
 * @param cut true when entries beyond the cap were left out
 * @param serverLines how many lines were recognised as the server's own log (error log, mysqld_safe, journal)
 * @param clock how the two clocks were put on one: {@code SAME} (as written), {@code SHIFTED} (the
 * server log's UTC times moved by {@code shiftMinutes} onto the kernel log's local clock), {@code
 * ANCHORED} (the kernel log has only uptimes; they were placed by its first kill and the server's first
 * exit), {@code NONE} (no times to put side by side)
 * @param story what happened, in one sentence; null when the logs show no kill and no restart
 */
public record Incident(List<Entry> timeline, boolean cut, int serverLines, String clock, Integer shiftMinutes, Story story) {

	public enum Kind {

		/** The kernel's OOM killer killed a process (one entry per process: threads merged). */
		OOM_KILL, KILLED, ENDED, RESTART, START, RECOVERY, READY, SHUTDOWN

	}

	/**
	 * @param input {@code log} or {@code serverLog}: the paste box
	 * @param line the line in that box
	 * @param time the time, as {@code 2019-10-21 10:43:29} ({@code Oct 21 10:43:29} without a year), or null
	 * @param estimated the time comes from the anchoring of dmesg uptimes, not from the line
	 * @param program the process killed (OOM_KILL), else the database server
	 * @param pid the pid killed or started, or null
	 * @param counter systemd's restart counter, or null
	 * @param text the line as pasted (server lines) or the kill's summary
	 */
	public record Entry(Kind kind, String input, int line, String time, Double uptimeSeconds, boolean estimated, String program,
			Long pid, Integer counter, String text) {
	}

	/**
	 * The sentence: {@code code} picks its wording ({@code timeline.story.CODE} in the messages), the
	 * fields fill it, {@code message} is the English.
	 *
	 * @param kills the database processes the OOM killer killed (threads of one process counted once)
	 * @param restarts restarts the logs show (systemd, mysqld_safe, a new "starting as process")
	 * @param recoveries InnoDB crash recoveries
	 * @param spanSeconds from the first kill to the last, or null
	 * @param loop killed again after a restart
	 */
	public record Story(String code, String program, int kills, int restarts, int recoveries, String first, String last,
			Double spanSeconds, boolean loop, String message) {
	}

}
