package dev.memplan.budget;

import java.util.List;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;

/**
 * Everything memplan says about one server on one host.
 *
 * @param recommendation the tier table's pool and its second opinions
 * @param solution the changes that make the worst case fit, planned again, with the alternatives
 */
public record Plan(ServerProfile profile, HostSpec host, EffectiveSettings settings, Budget budget,
		Recommendation recommendation, Solution solution, List<Diagnostic> diagnostics) {

	/** The largest max_connections that fits with the pool and buffers as configured (beside the recommendation's). */
	public long maxConnectionsThatFitAsConfigured() {
		return BufferPoolAdvisor.maxConnectionsThatFit(this.budget, this.profile);
	}

}
