package dev.memplan.core;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsTests {

	private static Diagnostic unknown(String option, int line) {
		return Diagnostic.about(option, Origin.optionFile("my.cnf", line), DiagnosticCode.UNKNOWN_OPTION, Severity.WARNING, option);
	}

	@Test
	void theSameProblemOnSeveralLinesIsOneFindingWithItsCountAndLines() {
		List<Diagnostic> grouped = Diagnostics.grouped(List.of(unknown("foo", 3), unknown("bar", 4), unknown("foo", 7), unknown("foo", 9)));
		assertThat(grouped).hasSize(2);
		Diagnostic foo = grouped.get(0);
		assertThat(foo.occurrences()).isEqualTo(3);
		assertThat(foo.origin()).isEqualTo(Origin.optionFile("my.cnf", 3));
		assertThat(foo.where()).isEqualTo("my.cnf:3, my.cnf:7, my.cnf:9 (3 ×)");
		assertThat(grouped.get(1).where()).isEqualTo("my.cnf:4");
		assertThat(grouped.get(1).occurrences()).isEqualTo(1);
	}

	@Test
	void namesTheFirstFewPlacesAndCountsTheRest() {
		List<Diagnostic> many = new ArrayList<>();
		for (int line = 1; line <= 1000; line++) {
			many.add(unknown("foo", line));
		}
		Diagnostic foo = Diagnostics.grouped(many).get(0);
		assertThat(foo.occurrences()).isEqualTo(1000);
		assertThat(foo.alsoAt()).hasSize(Diagnostics.PLACES_NAMED);
		assertThat(foo.where()).startsWith("my.cnf:1, my.cnf:2, ").endsWith("my.cnf:9, … (1000 ×)");
	}

	@Test
	void differentValuesOrSeveritiesStayApart() {
		Diagnostic warning = unknown("foo", 3);
		Diagnostic error = Diagnostic.about("foo", Origin.optionFile("my.cnf", 5), DiagnosticCode.UNKNOWN_OPTION, Severity.ERROR, "foo");
		assertThat(Diagnostics.grouped(List.of(warning, error))).hasSize(2);
	}

}
