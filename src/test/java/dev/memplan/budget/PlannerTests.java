package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.report.EnglishText;

class PlannerTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	private Plan plan(String server, long ram, ServerSettings settings) {
		return Planner.standard().plan(this.catalog.require(server), settings, HostSpec.ofRam(ram));
	}

	@Test
	void saysTheWorstCaseIsNominalWherePerConnectionTempTablesCount() {
		// bench/results/accuracy.txt: 49 connections on 256M/50 peaked at 1689 MiB against a 1498 MiB worst case
		Plan mariadb = plan("mariadb-10.11", 16L << 30, ServerSettings.empty());
		assertThat(mariadb.diagnostics()).extracting(Diagnostic::code).contains(DiagnosticCode.WORST_CASE_IS_NOMINAL);
		Plan tempTable = plan("mysql-8.0", 16L << 30, ServerSettings.empty());
		assertThat(tempTable.diagnostics()).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.WORST_CASE_IS_NOMINAL);
	}

	@Test
	void warnsWhenTheWorstCasePassesRamAndNamesTheConnectionsThatFit() {
		Plan plan = plan("mariadb-10.11", 2L << 30, ServerSettings.empty());
		Diagnostic warning = plan.diagnostics().stream().filter((d) -> d.code() == DiagnosticCode.WORST_CASE_ABOVE_RAM).findFirst().orElseThrow();
		assertThat(warning.severity()).isEqualTo(Severity.WARNING);
		assertThat(EnglishText.of(warning)).contains("max_connections = " + plan.recommendation().maxConnectionsThatFit());
	}

	@Test
	void advisesAgainstLargeGlobalSortBuffers() {
		Plan plan = plan("mysql-8.0", 16L << 30, ServerSettings.empty().set("sort_buffer_size", "8M", Origin.request()));
		assertThat(plan.diagnostics()).filteredOn((d) -> d.code() == DiagnosticCode.LARGE_PER_CONNECTION_BUFFER)
			.extracting(Diagnostic::variable).containsExactly("sort_buffer_size");
	}

	@Test
	void turnsSizesPastEightExbibytesIntoAClearInputError() {
		ServerSettings huge = ServerSettings.empty().set("sort_buffer_size", "15E", Origin.request());
		org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.memplan.core.InvalidInputException.class)
			.isThrownBy(() -> plan("mysql-8.0", 16L << 30, huge))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("more than 8 EiB"));
	}

}
