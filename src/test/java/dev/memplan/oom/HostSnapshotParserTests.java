package dev.memplan.oom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Values a snapshot cannot hold are refused naming their line and field, before any arithmetic. */
class HostSnapshotParserTests {

	private static String replacing(String line, String with) {
		assertThat(HostSnapshots.WORKED_EXAMPLE).contains(line);
		return HostSnapshots.WORKED_EXAMPLE.replace(line, with);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			// the review's 500s: a kernel release with an int-overflowing number
			"kernel 99999999999.5.0  | kernel",
			"kernel 2.6.32-99999999999 | kernel",
			// RSS -737280 kB became databaseResidentBytes -754974720; 2^63-1 kB wrapped when made bytes
			"proc 900 27 -737280 0 100 0 mysqld | RSS (kB)",
			"proc 900 27 9223372036854775807 0 100 0 mysqld | RSS (kB)",
			"proc 900 27 100 0 100 5000 mysqld | oom_score_adj",
			"meminfo MemTotal -5 | meminfo MemTotal (kB)" })
	void refusesAnOutOfRangeValueNamingItsLine(String bad, String field) {
		String firstKernelOrProcLine = HostSnapshots.WORKED_EXAMPLE.lines()
			.filter((line) -> line.startsWith(bad.substring(0, bad.indexOf(' '))))
			.findFirst()
			.orElseThrow();
		String text = replacing(firstKernelOrProcLine, bad);
		int line = text.lines().toList().indexOf(bad) + 1;
		assertThatExceptionOfType(HostSnapshotParser.SnapshotValueException.class).isThrownBy(() -> new HostSnapshotParser().parse(text))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.getMessage()).startsWith("Line " + line + " of the snapshot: " + field).doesNotContain("For input string");
			});
	}

}
