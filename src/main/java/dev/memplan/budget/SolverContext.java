package dev.memplan.budget;

import dev.memplan.catalog.ServerProfile;

/** What every option of the solver starts from: the user's settings on one host, and how to budget a variant. */
record SolverContext(Planner planner, ServerProfile profile, ServerSettings settings, HostSpec host,
		Long measuredPerformanceSchema, Assessment original, long tierPoolBytes) {

	Assessment assess(ServerSettings variant) {
		return this.planner.assess(this.profile, variant, this.host, this.measuredPerformanceSchema);
	}

	SolverContext onHost(HostSpec other, long otherTierPool) {
		return new SolverContext(this.planner, this.profile, this.settings, other, this.measuredPerformanceSchema,
				this.planner.assess(this.profile, this.settings, other, this.measuredPerformanceSchema), otherTierPool);
	}

}
