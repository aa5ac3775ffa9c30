package dev.memplan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.oom.HostRiskAnalyzer;
import dev.memplan.oom.HostRiskReport;
import dev.memplan.oom.HostSnapshot;
import dev.memplan.oom.HostSnapshotParser;
import dev.memplan.oom.OomLogAnalysis;
import dev.memplan.oom.IncidentReader;

/** The host side: read a kernel log, read a snapshot, judge the host against a worst case. */
public class HostCheckService {

	private final String script;

	public HostCheckService() {
		try (InputStream in = HostCheckService.class.getClassLoader().getResourceAsStream("host/memplan-host-snapshot.sh")) {
			this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String script() {
		return this.script;
	}

	/** A kernel log, or kernel and server lines mixed in one paste (docs/oom.md#timeline). */
	public OomLogAnalysis analyzeLog(String text) {
		return analyzeLogs(text, null);
	}

	/**
	 * @param log the kernel log, or a mix of kernel and server lines
	 * @param serverLog the MySQL/MariaDB error log or {@code journalctl -u mysql|mariadb}, or a mix too
	 */
	public OomLogAnalysis analyzeLogs(String log, String serverLog) {
		return new IncidentReader().read(log, serverLog);
	}

	/**
	 * @param worstCase the plan's worst case as a size ("3.2G", "3439427584"), or blank
	 * @param proposedAdj the oom_score_adj to try for mysqld, or blank for -600
	 */
	public HostRiskReport analyzeHost(String snapshotText, String worstCase, String proposedAdj) {
		HostSnapshot snapshot;
		try {
			snapshot = new HostSnapshotParser().parse((snapshotText != null) ? snapshotText : "");
		}
		catch (HostSnapshotParser.SnapshotValueException ex) {
			throw new InvalidInputException(InputProblem.of("snapshot", ex.text(), "error.snapshot.value", ex.line(), ex.field(), ex.text(), ex.reason()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(InputProblem.of("snapshot", "", "error.snapshot"));
		}
		return new HostRiskAnalyzer().analyze(snapshot, worstCase(worstCase), adj(proposedAdj));
	}

	private static Long worstCase(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ByteSize.parseHostMemory(text).toLongExact();
		}
		catch (ByteSizeFormatException ex) {
			throw new InvalidInputException(InputProblem.of("worstCase", text, "error.worstCase", text, ex.reason()));
		}
	}

	private static int adj(String text) {
		if (text == null || text.isBlank()) {
			return HostRiskAnalyzer.DEFAULT_PROPOSED_ADJ;
		}
		try {
			int adj = Integer.parseInt(text.strip());
			if (adj >= -1000 && adj <= 1000) {
				return adj;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException(InputProblem.of("proposedOomScoreAdj", text, "error.adj"));
	}

}
