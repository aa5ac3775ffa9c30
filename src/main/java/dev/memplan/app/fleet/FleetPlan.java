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

	/** How far the worst case passes the budget limit; 0 when it stays within (the plan's own figure). */
	public long overByBytes() {
		return budget().overByBytes();
	}

	/** What is left under the budget limit at the worst case; 0 when over (the plan's own figure). */
	public long headroomBytes() {
		return budget().headroomBytes();
	}

}
