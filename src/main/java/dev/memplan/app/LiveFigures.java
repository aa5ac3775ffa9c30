package dev.memplan.app;

import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;
import dev.memplan.livereading.ObservedProjection;

/**
 * The three figures side by side: the worst case at max_connections, the expected peak at
 * Max_used_connections (and now, at Threads_connected), and what the server measures.
 */
public record LiveFigures(String version, String flavor, Long maxUsedConnections, Long threadsConnected, Long currentLoadBytes,
		Long measuredBytes, List<Diagnostic> measuredNotes, List<LiveSnapshot.Consumer> topConsumers, ObservedPeaks observed,
		ObservedProjection projection, long ceilingBytes) {

	/** Figures without high-water marks (a server that kept none, or a test that needs none). */
	public LiveFigures(String version, String flavor, Long maxUsedConnections, Long threadsConnected, Long currentLoadBytes,
			Long measuredBytes, List<Diagnostic> measuredNotes, List<LiveSnapshot.Consumer> topConsumers) {
		this(version, flavor, maxUsedConnections, threadsConnected, currentLoadBytes, measuredBytes, measuredNotes, topConsumers,
				ObservedPeaks.none(null, List.of(Diagnostic.of(DiagnosticCode.OBSERVED_NOT_READ, Severity.INFO))), null, 0);
	}

	public static LiveFigures of(PlanResult result, LiveReading reading) {
		Budget budget = result.plan().budget();
		LiveSnapshot snapshot = reading.snapshot();
		Long current = (reading.threadsConnected() != null)
				? Math.addExact(budget.globalBytes(), Math.multiplyExact(reading.threadsConnected(), budget.perConnectionBytes()))
				: null;
		return new LiveFigures(snapshot.version(), reading.profile().isMariaDb() ? "MariaDB" : "MySQL", reading.maxUsedConnections(),
				reading.threadsConnected(), current, snapshot.measuredTotalBytes(), snapshot.measuredNotes(), snapshot.topConsumers(),
				snapshot.observed(), ObservedProjection.of(budget, snapshot, reading.profile(), MemoryTerms.standard(),
						result.plan().host().workload().largestPacketBytes()), budget.worstCaseBytes());
	}

}
