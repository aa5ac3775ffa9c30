package dev.memplan.app;

import dev.memplan.budget.Plan;

/**
 * One mysqld_multi or suffix instance ({@code [mysqld3306]}, {@code [mysqld.1]}) planned on its own:
 * the shared groups and its group, as {@code mysqld_multi} starts it.
 *
 * @param query the query that reproduces this instance's plan without the files (its permalink)
 */
public record InstancePlan(String instance, Plan plan, PlanQuery query) {

	public String permalink(String lang) {
		return Permalinks.of(this.query, lang);
	}

}
