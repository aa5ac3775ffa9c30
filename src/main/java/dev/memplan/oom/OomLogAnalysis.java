package dev.memplan.oom;

import java.util.List;

/**
 * What a pasted kernel log says: each OOM event, the processes the kills hit, programs killed
 * again and again, and lines that look like OOM output but could not be read (listed, never
 * dropped); with the server's own log, the whole incident (null when there is nothing to tell).
 * {@code diagnoses} has one line per event, in the same order (null for an event without a victim).
 */
public record OomLogAnalysis(List<OomEvent> events, List<OomDiagnosis> diagnoses, List<KilledProcess> killedProcesses,
		List<RestartLoop> restartLoops, List<UnreadLine> unreadLines, Incident incident, int eventsLeftOut) {

	/**
	 * A kernel log alone, before the server's log is put beside it.
	 *
	 * @param eventsLeftOut earlier events the reader did not keep (it keeps the last {@code OomLogParser.MAX_EVENTS})
	 */
	public OomLogAnalysis(List<OomEvent> events, List<KilledProcess> killedProcesses, List<RestartLoop> restartLoops,
			List<UnreadLine> unreadLines, int eventsLeftOut) {
		this(events, OomDiagnosis.all(events), killedProcesses, restartLoops, unreadLines, null, eventsLeftOut);
	}

	/** How many OOM events the log held: those kept and those left out. */
	public int eventsInLog() {
		return this.events.size() + this.eventsLeftOut;
	}

	/**
	 * One process the OOM killer killed (docs/oom.md#restart-loops).
	 *
	 * @param pid the process (thread group) id
	 * @param killedPids the pids the kill messages named: more than one when a thread of the dying process was named too
	 * @param lines where each of its kill events starts in the paste
	 */
	public record KilledProcess(String comm, long pid, List<Long> killedPids, List<Integer> lines, String time,
			Double uptimeSeconds) {

		/** How many kill messages name this process (threads of it included). */
		public int killMessages() {
			return this.lines.size();
		}

	}

	/**
	 * The same program killed again after a restart.
	 *
	 * @param kills how many different processes of it were killed
	 * @param evidence {@link #KERNEL_LOG} (different processes killed at least tens of seconds apart) or
	 * {@link #SERVER_LOG} (the server's own log shows the restarts)
	 */
	public record RestartLoop(String comm, int kills, Double spanSeconds, String evidence) {

		public static final String KERNEL_LOG = "KERNEL_LOG";

		public static final String SERVER_LOG = "SERVER_LOG";

	}

	public record UnreadLine(int line, String text) {
	}

}
