package dev.memplan.report;

import java.util.List;
import java.util.Map;

import dev.memplan.app.LiveFigures;
import dev.memplan.app.PlanResult;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.Recommendation;
import dev.memplan.livereading.ObservedPeaks;
import dev.memplan.livereading.ObservedProjection;

/**
 * {@code POST /api/v1/live}'s JSON: the plan response's fields, then a {@code live} section with
 * what the server said about itself. The plan's fields are repeated here rather than wrapped so
 * that the answer stays one flat object without a JSON library's annotation in this package.
 */
public record LiveResponse(String server, String serverName, long hostRamBytes, PlanResponse.Totals totals, String verdict,
		List<PlanResponse.LineItem> lineItems, Map<String, PlanResponse.Variable> variables,
		PlanResponse.Recommendation recommendation, List<PlanResponse.Lever> levers, PlanResponse.Solution solution,
		List<PlanResponse.Warning> warnings, List<String> instances,
		String permalink, Live live) {

	public static LiveResponse of(PlanResult result, LiveFigures figures) {
		PlanResponse plan = PlanResponseMapper.toResponse(result);
		Live live = new Live(figures.version(), figures.flavor(), figures.maxUsedConnections(), figures.threadsConnected(),
				figures.currentLoadBytes(), figures.measuredBytes(),
				String.join(" ", figures.measuredNotes().stream().map(EnglishText::of).toList()),
				figures.topConsumers().stream().map((c) -> new Consumer(c.name(), c.bytes())).toList(), Observed.of(figures));
		return new LiveResponse(plan.server(), plan.serverName(), plan.hostRamBytes(), plan.totals(), plan.verdict(),
				plan.lineItems(), plan.variables(), plan.recommendation(), plan.levers(), plan.solution(), plan.warnings(), plan.instances(), plan.permalink(),
				live);
	}

	public record Live(String version, String flavor, Long maxUsedConnections, Long threadsConnected, Long expectedNowBytes,
			Long measuredBytes, String measuredNote, List<Consumer> topConsumers, Observed observed) {
	}

	/**
	 * The per-connection high-water marks the server kept, and the expected peak projected from them
	 * beside the ceiling. {@code missing} names each reading that could not be made.
	 */
	public record Observed(String source, long connections, Long typicalConnectionBytes, Long typicalTempTableBytes, Long largestConnectionBytes,
			Long largestSessionEverBytes, String mallocLibrary, Long residentGlobalBytes, Long serverBaseBytes, Long projectedPerConnectionBytes,
			Long projectedAtMaxUsedBytes, Long projectedAtMaxConnectionsBytes, String projectionBasis, long ceilingBytes,
			List<String> missing) {

		static Observed of(LiveFigures figures) {
			ObservedPeaks peaks = figures.observed();
			ObservedProjection projection = figures.projection();
			return new Observed(peaks.source(), peaks.connections(), peaks.typicalBytes(), peaks.typicalTempTableBytes(), peaks.largestBytes(),
					peaks.largestSessionEverBytes(), peaks.mallocLibrary(),
					(projection != null) ? projection.residentGlobalBytes() : null,
					(projection != null) ? projection.serverBaseBytes() : null,
					(projection != null) ? projection.perConnectionBytes() : null,
					(projection != null) ? projection.atMaxUsedBytes() : null,
					(projection != null) ? projection.atMaxConnectionsBytes() : null,
					(projection != null) ? projection.basis().name() : null, figures.ceilingBytes(),
					peaks.missing().stream().map(EnglishText::of).toList());
		}

	}

	public record Consumer(String name, long bytes) {
	}

}
