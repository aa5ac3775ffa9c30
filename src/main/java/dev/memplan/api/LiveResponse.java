package dev.memplan.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The plan response plus a {@code live} section: what the server said about itself. */
public record LiveResponse(@JsonUnwrapped PlanResponse plan, Live live) {

	public record Live(String version, String flavor, Long maxUsedConnections, Long threadsConnected, Long expectedNowBytes,
			Long measuredBytes, String measuredNote, List<Consumer> topConsumers) {
	}

	public record Consumer(String name, long bytes) {
	}

}
