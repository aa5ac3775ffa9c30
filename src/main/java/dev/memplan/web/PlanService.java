package dev.memplan.web;

import org.springframework.stereotype.Service;

import dev.memplan.budget.Plan;
import dev.memplan.budget.PlanQuery;
import dev.memplan.budget.PlanQueryReader;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;

/** The one place the web and API layers turn a query into a plan. */
@Service
public class PlanService {

	private final PlanQueryReader reader;

	private final Planner planner;

	public PlanService() {
		this.reader = new PlanQueryReader(ServerCatalog.standard());
		this.planner = Planner.standard();
	}

	public Plan plan(PlanQuery query) {
		return plan(query, ServerSettings.empty());
	}

	/** @param imported settings read from a file or a dump; the query's variables override them */
	public Plan plan(PlanQuery query, ServerSettings imported) {
		PlanQueryReader.ReadQuery read = this.reader.read(query, imported);
		return this.planner.plan(read.profile(), read.settings(), read.host());
	}

}
