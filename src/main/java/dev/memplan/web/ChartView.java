package dev.memplan.web;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.core.ByteSize;

/**
 * The budget against RAM as bars for an inline SVG drawn on the server: global buffers,
 * connections × per-connection, the rest of the limit, the headroom; with markers for the limit,
 * the RAM, the expected peak and the measured memory. Coordinates are in a 1000-wide view box;
 * labels are message keys ({@code chart.segment.<key>}) with their arguments.
 */
public record ChartView(List<Segment> segments, List<Marker> markers, double limitX, double ramX, String worst, String ram,
		String limit, String global, String connections) {

	static final double WIDTH = 1000;

	public record Segment(String key, String cssClass, double x, double width, String amount, String arg0, String arg1) {
	}

	/** A vertical mark for a single figure: the expected peak, the measured memory. */
	public record Marker(String key, String cssClass, double x, String amount, String arg0) {
	}

	public static ChartView of(Budget budget) {
		return of(budget, null);
	}

	/** @param measuredBytes what a live server reports it uses, or null */
	public static ChartView of(Budget budget, Long measuredBytes) {
		long ram = budget.hostRamBytes();
		long worst = budget.worstCaseBytes();
		long limit = budget.budgetLimitBytes();
		double scale = WIDTH / Math.max(ram, worst);
		List<Segment> segments = new ArrayList<>();
		long connections = worst - budget.globalBytes();
		segments.add(segment("global", "seg-global", 0, budget.globalBytes(), scale, null, null));
		segments.add(segment("connections", "seg-connections", budget.globalBytes(), connections, scale,
				Long.toString(budget.connectionSlots()), ByteSize.formatApproximate(budget.perConnectionBytes())));
		if (worst < limit) {
			segments.add(segment("rest", "seg-rest", worst, limit - worst, scale, null, null));
		}
		long headroomStart = Math.max(worst, limit);
		if (headroomStart < ram) {
			segments.add(segment("headroom", "seg-headroom", headroomStart, ram - headroomStart, scale, null, null));
		}
		List<Marker> markers = new ArrayList<>();
		double right = Math.max(ram, worst);
		if (budget.expectedPeakBytes() != null) {
			markers.add(new Marker("expected", "mark-expected", round(Math.min(budget.expectedPeakBytes(), right) * scale),
					ByteSize.formatApproximate(budget.expectedPeakBytes()), Long.toString(budget.expectedConnections())));
		}
		if (measuredBytes != null) {
			markers.add(new Marker("measured", "mark-measured", round(Math.min(measuredBytes, right) * scale),
					ByteSize.formatApproximate(measuredBytes), null));
		}
		return new ChartView(segments, markers, round(limit * scale), round(ram * scale), ByteSize.formatApproximate(worst),
				ByteSize.formatApproximate(ram), ByteSize.formatApproximate(limit), ByteSize.formatApproximate(budget.globalBytes()),
				ByteSize.formatApproximate(connections));
	}

	private static Segment segment(String key, String cssClass, long start, long bytes, double scale, String arg0, String arg1) {
		return new Segment(key, cssClass, round(start * scale), round(bytes * scale), ByteSize.formatApproximate(bytes), arg0, arg1);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
