package dev.memplan.oom;

import java.util.List;

/**
 * What a pasted kernel log says: each OOM event, programs killed again and again, and lines that
 * look like OOM output but could not be read (listed, never dropped).
 */
public record OomLogAnalysis(List<OomEvent> events, List<RestartLoop> restartLoops, List<UnreadLine> unreadLines) {

	/** The same program killed again: the sign of a restart loop (mysqld_safe or systemd restarting it). */
	public record RestartLoop(String comm, int kills, Double spanSeconds) {
	}

	public record UnreadLine(int line, String text) {
	}

}
