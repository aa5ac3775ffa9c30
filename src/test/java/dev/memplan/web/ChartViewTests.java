package dev.memplan.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.Budget;
import dev.memplan.budget.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class ChartViewTests {

	private static final long GIB = 1L << 30;

	// a live server on 16 GiB: worst case 6 GiB (1 GiB global + 5 GiB of connections), limit 13.6 GiB,
	// expected peak 2 GiB at 40 connections, and the server measures exactly 2 GiB
	private static final Budget LIVE = new Budget(List.of(), GIB, 5 * GIB / 152, 152, 6 * GIB, 40L, 2 * GIB, 14602888806L, 16 * GIB,
			Verdict.FITS, null, null);

	@Test
	void twoMarkersAtTheSamePlaceBothStayVisibleAndLabelled() {
		ChartView chart = ChartView.of(LIVE, 2 * GIB);
		assertThat(chart.markers()).extracting(ChartView.Marker::key).containsExactly("expected", "measured");
		ChartView.Marker expected = chart.markers().get(0);
		ChartView.Marker measured = chart.markers().get(1);
		// the same place: 2 GiB of 16 GiB = 12.5 % of the width
		assertThat(expected.xPercent()).isEqualTo("12.5%");
		assertThat(measured.xPercent()).isEqualTo("12.5%");
		// the expected peak holds the bar's upper half (10..29 px) with ▼ above it, the measured memory the lower half
		// (29..48 px) with ▲ below: the lines do not overlap, and each label has its own row (108 px, 126 px)
		assertThat(List.of(expected.lineTop(), expected.lineBottom(), measured.lineTop(), measured.lineBottom())).containsExactly(10, 29, 29, 48);
		assertThat(List.of(expected.pointer(), measured.pointer())).containsExactly("\u25BC", "\u25B2");
		assertThat(List.of(expected.labelY(), measured.labelY())).containsExactly(108, 126);
		assertThat(chart.height()).isEqualTo(132); // 90 + 2 rows × 18 + 6
		assertThat(expected.anchor()).isEqualTo("start");
	}

	@Test
	void ticksAtZeroAndRamAndAPlanThatFitsLeavesMostOfTheBarEmpty() {
		ChartView chart = ChartView.of(LIVE);
		assertThat(chart.ramPercent()).isEqualTo("100.0%");
		assertThat(chart.ramAnchor()).isEqualTo("end");
		assertThat(chart.ram()).isEqualTo("16 GiB");
		assertThat(chart.limitPercent()).isEqualTo("85.0%"); // 14602888806 / 16 GiB
		// filled: global 0..6.25 %, connections 6.25..37.5 %; then the rest of the limit and the headroom, drawn lighter and empty
		assertThat(chart.segments()).extracting(ChartView.Segment::key).containsExactly("global", "connections", "rest", "headroom");
		assertThat(chart.segments().get(1).xPercent()).isEqualTo("6.3%");
		assertThat(chart.segments().get(1).widthPercent()).isEqualTo("31.3%");
		assertThat(chart.height()).isEqualTo(114); // 90 + the expected peak's row of 18 + 6
	}

}
