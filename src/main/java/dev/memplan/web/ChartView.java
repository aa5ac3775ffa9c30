package dev.memplan.web;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.core.ByteSize;

/**
 * The budget against RAM as bars for an inline SVG drawn on the server: global buffers,
 * connections × per-connection, the rest of the limit, the headroom; with markers for the limit
 * and the RAM. Coordinates are in a 1000-wide view box.
 */
public record ChartView(List<Segment> segments, List<Marker> markers, double limitX, double ramX, String summary) {

	static final double WIDTH = 1000;

	public record Segment(String key, String label, String cssClass, double x, double width, String amount) {
	}

	/** A vertical mark for a single figure: the expected peak, the measured memory. */
	public record Marker(String label, String cssClass, double x, String amount) {
	}

	static ChartView of(Budget budget) {
		return of(budget, null);
	}

	/** @param measuredBytes what a live server reports it uses, or null */
	static ChartView of(Budget budget, Long measuredBytes) {
		long ram = budget.hostRamBytes();
		long worst = budget.worstCaseBytes();
		long limit = budget.budgetLimitBytes();
		double scale = WIDTH / Math.max(ram, worst);
		List<Segment> segments = new ArrayList<>();
		long connections = worst - budget.globalBytes();
		segments.add(segment("global", "Global buffers", "seg-global", 0, budget.globalBytes(), scale));
		segments.add(segment("connections", budget.connectionSlots() + " connections × "
				+ ByteSize.formatApproximate(budget.perConnectionBytes()), "seg-connections", budget.globalBytes(), connections, scale));
		if (worst < limit) {
			segments.add(segment("rest", "Rest of the limit", "seg-rest", worst, limit - worst, scale));
		}
		long headroomStart = Math.max(worst, limit);
		if (headroomStart < ram) {
			segments.add(segment("headroom", "Headroom (OS, page cache, other processes)", "seg-headroom", headroomStart,
					ram - headroomStart, scale));
		}
		List<Marker> markers = new ArrayList<>();
		if (budget.expectedPeakBytes() != null) {
			markers.add(new Marker("Expected peak (" + budget.expectedConnections() + " connections)", "mark-expected",
					round(Math.min(budget.expectedPeakBytes(), Math.max(ram, worst)) * scale), ByteSize.formatApproximate(budget.expectedPeakBytes())));
		}
		if (measuredBytes != null) {
			markers.add(new Marker("Measured now", "mark-measured", round(Math.min(measuredBytes, Math.max(ram, worst)) * scale),
					ByteSize.formatApproximate(measuredBytes)));
		}
		String summary = "Worst case " + ByteSize.formatApproximate(worst) + " of " + ByteSize.formatApproximate(ram)
				+ " RAM (limit " + ByteSize.formatApproximate(limit) + "): global buffers "
				+ ByteSize.formatApproximate(budget.globalBytes()) + ", connections " + ByteSize.formatApproximate(connections) + ".";
		return new ChartView(segments, markers, round(limit * scale), round(ram * scale), summary);
	}

	private static Segment segment(String key, String label, String cssClass, long start, long bytes, double scale) {
		return new Segment(key, label, cssClass, round(start * scale), round(bytes * scale), ByteSize.formatApproximate(bytes));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
