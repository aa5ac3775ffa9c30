package dev.memplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.DataFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and memplan's advice quote the accuracy matrix from its results file, never from
 * memory: bench/matrix.sh writes the summary into bench/results/matrix.txt and into
 * catalog/accuracy.tsv; this test fails when the README or the resource says anything else.
 */
class ReadmeFiguresTests {

	static Map<String, String> summary() {
		Map<String, String> values = new LinkedHashMap<>();
		for (String[] row : DataFiles.rows("catalog/accuracy.tsv")) {
			values.put(row[0], row[1]);
		}
		return values;
	}

	@Test
	void theResourceIsTheSummaryOfTheLatestMatrixRun() throws IOException {
		List<String> summary = Files.readAllLines(Path.of("bench/results/matrix.txt")).stream()
			.dropWhile((line) -> !line.startsWith("## Summary"))
			.skip(1)
			.filter((line) -> line.startsWith("    "))
			.map(String::strip)
			.toList();
		assertThat(summary).hasSize(12);
		assertThat(DataFiles.lines("catalog/accuracy.tsv")).containsExactlyElementsOf(summary);
	}

	@Test
	void theReadmeQuotesTheLatestRun() throws IOException {
		Map<String, String> s = summary();
		String readme = Files.readString(Path.of("README.md"));
		assertThat(readme).contains("ceiling ≥ peak RSS in " + s.get("ceiling_held") + " of " + s.get("runs") + " runs")
			.contains("ceiling / peak RSS " + s.get("ceiling_over_peak_min") + "–" + s.get("ceiling_over_peak_max"))
			.contains("within ±25 % in " + s.get("live_within_25_percent") + " of " + s.get("live_rows_at_half_or_more"))
			.contains("capped ceiling ≥ peak RSS in " + s.get("capped_ceiling_held") + " of " + s.get("capped_runs"));
	}

}
