package dev.memplan.report;

import java.time.Instant;

import dev.memplan.app.fleet.FleetPlan;
import dev.memplan.app.fleet.FleetSnapshot;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.budget.Budget;

/** Fleet snapshot → JSON records; {@code overByBytes} and {@code headroomBytes} are the budget's own. */
public final class FleetResponseMapper {

	private FleetResponseMapper() {
	}

	public static FleetResponse toResponse(FleetSnapshot snapshot) {
		return new FleetResponse(text(snapshot.scannedAt()), snapshot.scanning(), snapshot.done(), snapshot.total(),
				snapshot.targets().stream().map(FleetResponseMapper::target).toList());
	}

	static FleetResponse.Target target(TargetStatus status) {
		var target = status.target();
		FleetPlan plan = status.plan();
		Budget budget = (plan != null) ? plan.budget() : null;
		return new FleetResponse.Target(target.name(), target.labels(), target.host(), target.port(), status.up(), status.stale(),
				status.error(), status.errorKind(), (plan != null) ? plan.result().plan().profile().id() : null,
				(budget != null) ? budget.verdict().name() : null, target.hostRamBytes(),
				(budget != null) ? budget.worstCaseBytes() : null, (budget != null) ? budget.budgetLimitBytes() : null,
				(budget != null) ? budget.expectedPeakBytes() : null, (plan != null) ? plan.figures().measuredBytes() : null,
				(plan != null) ? plan.overByBytes() : null, (plan != null) ? plan.headroomBytes() : null,
				text(status.checkedAt()), (plan != null) ? text(plan.at()) : null);
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
