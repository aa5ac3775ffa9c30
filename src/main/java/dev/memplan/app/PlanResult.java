package dev.memplan.app;

import java.util.List;

import dev.memplan.budget.Plan;

/**
 * A plan and what reading its input found.
 *
 * @param query the query that reproduces the plan without the files: what was read, as variables
 * @param instances the instance groups in the uploaded files, for the user to pick from
 */
public record PlanResult(Plan plan, PlanQuery query, List<String> instances) {

	public String permalink() {
		return Permalinks.of(this.query);
	}

	public String permalink(String lang) {
		return Permalinks.of(this.query, lang);
	}

}
