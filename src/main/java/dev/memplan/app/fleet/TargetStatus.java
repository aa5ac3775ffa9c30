package dev.memplan.app.fleet;

import java.time.Instant;

/**
 * What the last scan learned of one target. A target that went down keeps its last good plan,
 * marked stale, beside the reason it is down.
 *
 * @param checkedAt when it was last probed; null before its first probe
 * @param errorKind the probe failure's kind ({@code TIMED_OUT}, {@code REFUSED}…) when down
 * @param plan the last good plan, possibly from an earlier scan; null when it never answered
 */
public record TargetStatus(FleetTarget target, boolean up, String errorKind, String error, FleetPlan plan, Instant checkedAt) {

	public static TargetStatus pending(FleetTarget target) {
		return new TargetStatus(target, false, null, null, null, null);
	}

	public boolean checked() {
		return this.checkedAt != null;
	}

	/** Down now, showing a plan from an earlier scan. */
	public boolean stale() {
		return !this.up && this.plan != null;
	}

	TargetStatus planned(FleetPlan fresh) {
		return new TargetStatus(this.target, true, null, null, fresh, fresh.at());
	}

	TargetStatus down(String kind, String reason, Instant at) {
		return new TargetStatus(this.target, false, kind, reason, this.plan, at);
	}

}
