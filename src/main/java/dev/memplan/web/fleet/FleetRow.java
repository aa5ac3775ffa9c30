package dev.memplan.web.fleet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.memplan.app.fleet.FleetPlan;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.budget.Budget;

/**
 * One target as the fleet page shows it. {@code risk} orders the page worst first: how far the
 * worst case reaches past the budget limit, as a share of the limit (a target without a plan has
 * none and goes last). {@code checked} is the last probe's time, null before the first.
 */
record FleetRow(String name, String address, List<String> labels, String server, String verdict, Long worstCaseBytes,
		Long budgetLimitBytes, long hostRamBytes, Long expectedPeakBytes, Long measuredBytes, Long overByBytes,
		Long headroomBytes, String checked, boolean up, boolean stale, String errorKind, String error, Double risk) {

	/** Times on the page: UTC to the second, as servers' logs write them. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

	static String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : null;
	}

	/** @param error why the target is down, in the page's language; null when up */
	static FleetRow of(TargetStatus status, String error) {
		var target = status.target();
		List<String> labels = target.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.map((label) -> label.getKey() + "=" + label.getValue()).toList();
		FleetPlan plan = status.plan();
		if (plan == null) {
			return new FleetRow(target.name(), target.address(), labels, null, null, null, null, target.hostRamBytes(), null, null,
					null, null, time(status.checkedAt()), status.up(), false, status.errorKind(), error, null);
		}
		Budget budget = plan.budget();
		double risk = (budget.worstCaseBytes() - (double) budget.budgetLimitBytes()) / Math.max(1, budget.budgetLimitBytes());
		return new FleetRow(target.name(), target.address(), labels, plan.figures().flavor() + " " + plan.figures().version(),
				budget.verdict().name(), budget.worstCaseBytes(), budget.budgetLimitBytes(), target.hostRamBytes(),
				budget.expectedPeakBytes(), plan.figures().measuredBytes(), plan.overByBytes(), plan.headroomBytes(),
				time(status.checkedAt()), status.up(), status.stale(), status.errorKind(), error, risk);
	}

	boolean hasLabel(String label) {
		return this.labels.contains(label);
	}

}
