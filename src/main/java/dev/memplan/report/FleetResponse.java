package dev.memplan.report;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/fleet}: the last scan, one entry per target. Times are ISO-8601 text; byte
 * figures are null where the target never answered. A down target with an earlier plan is
 * {@code stale} and keeps that plan's figures.
 */
public record FleetResponse(String scannedAt, boolean scanning, int scanned, int total, List<Target> targets) {

	public record Target(String name, Map<String, String> labels, String host, int port, boolean up, boolean stale,
			String error, String errorKind, String server, String verdict, long hostRamBytes, Long worstCaseBytes,
			Long budgetLimitBytes, Long expectedPeakBytes, Long measuredBytes, Long overByBytes, Long headroomBytes,
			String scannedAt, String plannedAt) {
	}

}
