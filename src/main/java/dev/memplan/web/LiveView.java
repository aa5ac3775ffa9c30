package dev.memplan.web;

import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.live.LiveReading;
import dev.memplan.live.LiveSnapshot;

/**
 * The three figures side by side: the worst case at max_connections, the expected peak at
 * Max_used_connections (and now, at Threads_connected), and what the server measures.
 */
public record LiveView(String version, String flavor, Long maxUsedConnections, Long threadsConnected, Long currentLoadBytes,
		Long measuredBytes, String measuredNote, List<LiveSnapshot.Consumer> topConsumers, ChartView chart) {

	public static LiveView of(PlanResult result, LiveReading reading) {
		Budget budget = result.plan().budget();
		LiveSnapshot snapshot = reading.snapshot();
		Long current = (reading.threadsConnected() != null)
				? Math.addExact(budget.globalBytes(), Math.multiplyExact(reading.threadsConnected(), budget.perConnectionBytes()))
				: null;
		return new LiveView(snapshot.version(), reading.profile().isMariaDb() ? "MariaDB" : "MySQL", reading.maxUsedConnections(),
				reading.threadsConnected(), current, snapshot.measuredTotalBytes(), snapshot.measuredNote(), snapshot.topConsumers(),
				ChartView.of(budget, snapshot.measuredTotalBytes()));
	}

}
