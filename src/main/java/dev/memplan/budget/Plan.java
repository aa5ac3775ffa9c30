package dev.memplan.budget;

import java.util.List;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;

/** Everything memplan says about one server on one host. */
public record Plan(ServerProfile profile, HostSpec host, EffectiveSettings settings, Budget budget,
		Recommendation recommendation, List<Diagnostic> diagnostics) {
}
