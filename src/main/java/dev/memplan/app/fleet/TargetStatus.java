package dev.memplan.app.fleet;

import java.time.Instant;
import java.util.List;

/**
 * What the last scan learned of one target. A target that went down keeps its last good plan,
 * marked stale, beside the reason it is down.
 *
 * @param checkedAt when it was last probed; null before its first probe
 * @param errorKind the probe failure's kind ({@code TIMED_OUT}, {@code REFUSED}…) when down
 * @param plan the last good plan, possibly from an earlier scan; null when it never answered
 * @param errorArgs the failure's address, host, seconds, TLS mode and limit, so that a page can say
 *        {@code error} in its own language ({@code probe.<errorKind>}); empty when up
 */
public record TargetStatus(FleetTarget target, boolean up, String errorKind, String error, FleetPlan plan, Instant checkedAt,
		List<String> errorArgs) {

	public TargetStatus {
		errorArgs = (errorArgs != null) ? List.copyOf(errorArgs) : List.of();
	}

	public static TargetStatus pending(FleetTarget target) {
		return new TargetStatus(target, false, null, null, null, null, List.of());
	}

	public boolean checked() {
		return this.checkedAt != null;
	}

	/** Down now, showing a plan from an earlier scan. */
	public boolean stale() {
		return !this.up && this.plan != null;
	}

	TargetStatus planned(FleetPlan fresh) {
		return new TargetStatus(this.target, true, null, null, fresh, fresh.at(), List.of());
	}

	TargetStatus down(String kind, String reason, List<String> args, Instant at) {
		return new TargetStatus(this.target, false, kind, reason, this.plan, at, args);
	}

}
