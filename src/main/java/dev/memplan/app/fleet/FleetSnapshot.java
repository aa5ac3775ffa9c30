package dev.memplan.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fleet as the scanner knows it right now: every target in inventory order, whether a scan
 * runs and how far it got, and when and how fast the last full scan finished.
 *
 * @param scannedAt when the last full scan finished; null before the first
 * @param lastScanDuration null before the first full scan
 */
public record FleetSnapshot(Instant scannedAt, boolean scanning, int done, int total, Duration lastScanDuration,
		List<TargetStatus> targets) {

	public FleetSnapshot {
		targets = List.copyOf(targets);
	}

	public java.util.Optional<TargetStatus> target(String name) {
		return this.targets.stream().filter((status) -> status.target().name().equals(name)).findFirst();
	}

}
