package dev.memplan.web;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.core.ByteSize;

/**
 * The budget against RAM as an inline SVG drawn on the server. The host's RAM is an outlined bar
 * from 0 to its tick; what the worst case takes is filled (global buffers, connections ×
 * per-connection), the rest of the limit lightly, the headroom not at all, so a plan that fits
 * looks partly empty. Lines mark the limit and the RAM; each further marker (the expected peak,
 * the measured memory) holds its own half of the bar, carries a pointer outside it and its own
 * labelled row, so two markers at the same place both stay visible. Positions are percentages of
 * the chart's width, so the SVG is never stretched and its text keeps its size on a phone;
 * labels are message keys ({@code chart.segment.<key>}, {@code chart.<key>}) with their arguments.
 */
public record ChartView(List<Segment> segments, List<Marker> markers, double limitX, double ramX, String worst, String ram,
		String limit, String global, String connections) {

	static final double WIDTH = 1000;

	/** The bar's top and height, in CSS pixels. */
	public static final int BAR_TOP = 14;

	public static final int BAR_HEIGHT = 30;

	/** The row of the 0 and RAM ticks' labels, then the limit's label; markers' labels follow, one row each. */
	public static final int TICK_LABEL_Y = 72;

	public static final int LIMIT_LABEL_Y = 90;

	static final int ROW = 18;

	public record Segment(String key, String cssClass, double x, double width, String amount, String arg0, String arg1) {

		public String xPercent() {
			return percent(this.x);
		}

		public String widthPercent() {
			return percent(this.width);
		}

	}

	/**
	 * A vertical mark for a single figure: the expected peak (upper half of the bar, pointer ▼
	 * above it), the measured memory (lower half, pointer ▲ below it).
	 */
	public record Marker(String key, String cssClass, double x, String amount, String arg0, int row) {

		public String xPercent() {
			return percent(this.x);
		}

		public boolean upper() {
			return this.row % 2 == 0;
		}

		public int lineTop() {
			return upper() ? BAR_TOP - 4 : BAR_TOP + BAR_HEIGHT / 2;
		}

		public int lineBottom() {
			return upper() ? BAR_TOP + BAR_HEIGHT / 2 : BAR_TOP + BAR_HEIGHT + 4;
		}

		public String pointer() {
			return upper() ? "\u25BC" : "\u25B2";
		}

		public int pointerY() {
			return upper() ? BAR_TOP - 3 : BAR_TOP + BAR_HEIGHT + 13;
		}

		public int labelY() {
			return LIMIT_LABEL_Y + ROW * (this.row + 1);
		}

		/** Text on the left half reads rightwards from its mark, on the right half leftwards. */
		public String anchor() {
			return ChartView.anchor(this.x);
		}

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
					ByteSize.formatApproximate(budget.expectedPeakBytes()), Long.toString(budget.expectedConnections()), markers.size()));
		}
		if (measuredBytes != null) {
			markers.add(new Marker("measured", "mark-measured", round(Math.min(measuredBytes, right) * scale),
					ByteSize.formatApproximate(measuredBytes), null, markers.size()));
		}
		return new ChartView(segments, markers, round(limit * scale), round(ram * scale), ByteSize.formatApproximate(worst),
				ByteSize.formatApproximate(ram), ByteSize.formatApproximate(limit), ByteSize.formatApproximate(budget.globalBytes()),
				ByteSize.formatApproximate(connections));
	}

	public String limitPercent() {
		return percent(this.limitX);
	}

	public String ramPercent() {
		return percent(this.ramX);
	}

	public String limitAnchor() {
		return anchor(this.limitX);
	}

	public String ramAnchor() {
		return anchor(this.ramX);
	}

	/** The SVG's height: the bar, its pointers, the tick row, the limit's row and one row per marker. */
	public int height() {
		return LIMIT_LABEL_Y + ROW * this.markers.size() + 6;
	}

	private static Segment segment(String key, String cssClass, long start, long bytes, double scale, String arg0, String arg1) {
		return new Segment(key, cssClass, round(start * scale), round(bytes * scale), ByteSize.formatApproximate(bytes), arg0, arg1);
	}

	static String anchor(double x) {
		return (x > WIDTH / 2) ? "end" : "start";
	}

	static String percent(double x) {
		return round(x / 10) + "%";
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
