package dev.memplan.livereading;

import java.util.List;

import dev.memplan.core.Diagnostic;

/**
 * The per-connection memory high-water marks a live server keeps (docs/memory-model.md#live-readings): MariaDB's
 * information_schema.PROCESSLIST.MAX_MEMORY_USED, MySQL 8.0.31+'s performance_schema.threads
 * MAX_TOTAL_MEMORY and accounts.MAX_SESSION_TOTAL_MEMORY. They cover the connections open now,
 * counted as the server tracks memory (no thread stack, no allocator slack).
 *
 * @param source the table and column the marks came from, or null when none could be read
 * @param connections how many client connections the marks cover (the probe's own left out)
 * @param typicalBytes their average high-water mark, or null
 * @param largestBytes the largest, or null
 * @param largestSessionEverBytes MySQL: the largest session any account has had since start-up, or null
 * @param mallocLibrary version_malloc_library, or null when the server does not say
 * @param missing each reading that could not be made, and why (findings worded by the bundles)
 * @param typicalTempTableBytes MySQL 8.0.31+: the average of the open connections' TempTable RAM high-water
 * marks (memory/temptable/physical_ram), part of typicalBytes; null elsewhere
 */
public record ObservedPeaks(String source, long connections, Long typicalBytes, Long largestBytes, Long largestSessionEverBytes,
		String mallocLibrary, List<Diagnostic> missing, Long typicalTempTableBytes) {

	public ObservedPeaks {
		missing = List.copyOf(missing);
	}

	/** Marks without a TempTable share (MariaDB, or a reading that did not separate it). */
	public ObservedPeaks(String source, long connections, Long typicalBytes, Long largestBytes, Long largestSessionEverBytes,
			String mallocLibrary, List<Diagnostic> missing) {
		this(source, connections, typicalBytes, largestBytes, largestSessionEverBytes, mallocLibrary, missing, null);
	}

	public static ObservedPeaks none(String mallocLibrary, List<Diagnostic> missing) {
		return new ObservedPeaks(null, 0, null, null, null, mallocLibrary, missing);
	}

	public boolean hasMarks() {
		return this.typicalBytes != null && this.connections > 0;
	}

}
