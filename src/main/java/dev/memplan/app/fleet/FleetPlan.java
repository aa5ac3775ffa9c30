package dev.memplan.app.fleet;

import java.time.Instant;

import dev.memplan.app.LiveFigures;
import dev.memplan.app.PlanResult;
import dev.memplan.budget.Budget;

/**
 * A target's last good plan: the plan and the server's own figures, without the raw SHOW
 * VARIABLES/STATUS text (a few hundred KiB per server that nothing shows once planned).
 */
public record FleetPlan(PlanResult result, LiveFigures figures, Instant at) {

	public Budget budget() {
		return this.result.plan().budget();
	}

	/** How far the worst case passes the budget limit; 0 when it stays within. */
	public long overByBytes() {
		return Math.max(0, budget().worstCaseBytes() - budget().budgetLimitBytes());
	}

	/** What is left under the budget limit at the worst case; 0 when over. */
	public long headroomBytes() {
		return Math.max(0, budget().budgetLimitBytes() - budget().worstCaseBytes());
	}

}
