package dev.memplan.budget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.DataFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's measured figures are the bench's, not numbers typed into the code: one source of truth. */
class MemoryTermsTests {

	private static final Path RESULTS = Path.of("bench/results/terms.txt");

	@Test
	void theResourceIsTheDerivedBlockOfTheLatestTermsRun() throws IOException {
		List<String> derived = Files.readAllLines(RESULTS).stream()
			.dropWhile((line) -> !line.startsWith("## Derived"))
			.skip(1)
			.filter((line) -> line.startsWith("    "))
			.map(String::strip)
			.toList();
		assertThat(derived).as("bench/results/terms.txt has a derived block").hasSize(7);
		assertThat(DataFiles.lines(MemoryTerms.RESOURCE)).containsExactlyElementsOf(derived);
	}

	@Test
	void readsKibibytesAsBytesAndCountsAsCounts() {
		MemoryTerms terms = MemoryTerms.standard();
		List<String[]> rows = DataFiles.rows(MemoryTerms.RESOURCE);
		long connectionKib = rows.stream().filter((row) -> row[0].equals("connection_structures")).mapToLong((row) -> Long.parseLong(row[1]))
			.findFirst().orElseThrow();
		assertThat(terms.connectionStructuresBytes()).isEqualTo(connectionKib * 1024);
		assertThat(terms.tempTablesPerStatement()).isBetween(1, 64);
		assertThat(terms.glibcSlackPercent()).isBetween(0, 200);
	}

}
