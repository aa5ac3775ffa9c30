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
}
