package dev.memplan.livereading;

import java.util.List;
import java.util.Map;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;

/**
 * What a live server said about itself, read with read-only statements.
 *
 * @param measuredTotalBytes what the server reports it uses now (MySQL 8: sys.memory_global_total;
 * MariaDB: Memory_used), or null when it could not be read
 * @param measuredNotes what the figure leaves out, or why there is none (findings worded by the bundles)
 * @param topConsumers the largest memory areas or connections the server lists
 * @param performanceSchemaBytes P_S's own size (its memory/performance_schema/% instruments), or null
 * @param observed the per-connection memory high-water marks, and what could not be read
 */
public record LiveSnapshot(String version, String versionComment, Map<String, String> variables, Map<String, String> status,
		Long measuredTotalBytes, List<Diagnostic> measuredNotes, List<Consumer> topConsumers, Long performanceSchemaBytes, ObservedPeaks observed) {

	public LiveSnapshot {
		measuredNotes = (measuredNotes != null) ? List.copyOf(measuredNotes) : List.of();
		observed = (observed != null) ? observed
				: ObservedPeaks.none(null, List.of(Diagnostic.of(DiagnosticCode.OBSERVED_NOT_READ, Severity.INFO)));
	}

	/** One memory area (MySQL) or connection (MariaDB) and its current bytes. */
	public record Consumer(String name, long bytes) {
	}

	public Long statusNumber(String name) {
		return number(this.status.get(name));
	}

	/** A server's numeric answer, or null when there is none or it is not a number. */
	public static Long number(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
