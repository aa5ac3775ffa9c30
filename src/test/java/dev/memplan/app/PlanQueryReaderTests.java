package dev.memplan.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/** Numbers are refused by their shape before any arithmetic, naming the field that holds them. */
class PlanQueryReaderTests {

	private final PlanQueryReader reader = new PlanQueryReader(ServerCatalog.standard());

	@ParameterizedTest
	@CsvSource({
			// BigDecimal with scale 100,000,000 computed for 85 s; 1e-999999999 was a 500
			"1e-100000000, mysqlShare", "1e-999999999, mysqlShare",
			// 1e-30 is above 0 and used to be blamed on reservedForOtherProcesses
			"1e-30, mysqlShare", "0.000001, mysqlShare", "0.5 %, mysqlShare" })
	void refusesAShareThatIsNoPlainPercentage(String share, String field) {
		PlanQuery query = PlanQuery.EMPTY.withHostRam("16G").withMysqlShare(share);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(query, ServerSettings.empty()))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InputProblem::field).containsExactly(field));
	}

	@ParameterizedTest
	@CsvSource({ "1000000, hostRam", "30, hostRam" })
	void refusesAMillionDigitHostRamAtOnceWithoutEchoingIt(int digits, String field) {
		PlanQuery query = PlanQuery.EMPTY.withHostRam("9".repeat(digits));
		long start = System.nanoTime();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(query, ServerSettings.empty()))
			.satisfies((ex) -> {
				assertThat(ex.problems()).extracting(InputProblem::field).containsExactly(field);
				assertThat(ex.problems().get(0).message().inEnglish()).hasSizeLessThan(200);
				assertThat(ex.problems().get(0).message().args()).allSatisfy((arg) -> assertThat(arg.toString()).hasSizeLessThan(80));
			});
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500); // 14 s before
	}

}
