package dev.memplan.app;

import java.util.List;

import dev.memplan.budget.Plan;
import dev.memplan.optionfile.FilesRead;

/**
 * A plan and what reading its input found.
 *
 * @param query the query that reproduces the plan without the files: what was read, as variables
 * @param instances the instance groups in the uploaded files, for the user to pick from
 * @param instance the instance this plan is of (chosen, or the worst when none was chosen), or null
 * @param instancePlans when files define instances and none was chosen: each instance planned, the worst
 * first (the plan above is the first); otherwise empty
 * @param filesRead which option files were read and what became of their options, or null without files
 */
public record PlanResult(Plan plan, PlanQuery query, List<String> instances, String instance, List<InstancePlan> instancePlans,
		FilesRead filesRead) {

	public PlanResult {
		instances = List.copyOf(instances);
		instancePlans = List.copyOf(instancePlans);
	}

	public PlanResult(Plan plan, PlanQuery query, List<String> instances) {
		this(plan, query, instances, null, List.of(), null);
	}

	public String permalink() {
		return Permalinks.of(this.query);
	}

	public String permalink(String lang) {
		return Permalinks.of(this.query, lang);
	}

	/** The worst case of every planned instance together: mysqld_multi runs them side by side on one host. */
	public long instancesTogetherBytes() {
		return this.instancePlans.stream().mapToLong((p) -> p.plan().budget().worstCaseBytes()).reduce(0, Math::addExact);
	}

}
