package dev.memplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.memplan.livereading.ProjectionCalibration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live projection's factor is read from the accuracy matrix, never typed: this test recomputes
 * it from bench/results/matrix.tsv as bench/calibrate-projection.py does (median over MariaDB's config ×
 * workload of the peak RSS added per connection divided by the typical high-water mark, marks of at
 * least 1 MiB) and fails when catalog/projection.tsv or the README says anything else.
 */
class ProjectionCalibrationTests {

	private static final long MIB = 1L << 20;

	@Test
	void theFactorIsTheMedianRatioOfTheRecordedMatrix() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("bench/results/matrix.tsv"));
		List<String> header = List.of(lines.get(0).split("\t"));
		Map<String, TreeMap<Integer, List<Long>>> peaks = new LinkedHashMap<>();
		Map<String, Long> typical = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split("\t");
			// memplan's factor is MariaDB's (three configurations); the MySQL rows get their own in the script's report
			String server = header.contains("server") ? f[header.indexOf("server")] : "mariadb";
			if (!server.startsWith("mariadb") || !f[header.indexOf("cap")].equals("-") || f[header.indexOf("live_projection")].equals("-")) {
				continue;
			}
			String key = f[header.indexOf("config")] + "/" + f[header.indexOf("workload")];
			peaks.computeIfAbsent(key, (k) -> new TreeMap<>())
				.computeIfAbsent(Integer.parseInt(f[header.indexOf("n")]), (n) -> new ArrayList<>())
				.add(Long.parseLong(f[header.indexOf("peak_rss")]));
			typical.putIfAbsent(key, Long.parseLong(f[header.indexOf("observed_typical")]));
		}
		List<Double> ratios = new ArrayList<>();
		peaks.forEach((key, byN) -> {
			if (typical.get(key) >= MIB && byN.size() > 1) {
				double slope = (mean(byN.lastEntry().getValue()) - mean(byN.firstEntry().getValue()))
						/ (byN.lastKey() - byN.firstKey());
				ratios.add(slope / typical.get(key));
			}
		});
		ratios.sort(Double::compare);
		int n = ratios.size();
		double median = (n % 2 == 1) ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
		// the matrix's 20 minutes are shared with MySQL now, so its MariaDB part has fewer rows (the time budget
		// leaves the tail out): a median of six or more configuration × workload ratios, not ten
		assertThat(n).as("workloads with marks of 1 MiB or more").isGreaterThanOrEqualTo(6);
		assertThat(ProjectionCalibration.standard().residentPerTrackedPercent()).isEqualTo((int) Math.round(median * 100));
	}

	@Test
	void theReadmeQuotesTheOutOfSampleCheck() throws IOException {
		ProjectionCalibration c = ProjectionCalibration.standard();
		assertThat(Files.readString(Path.of("README.md")))
			.contains("within ±25 % in " + c.outOfSampleWithin25Percent() + " of " + c.outOfSampleRuns() + " runs at ≥ 50 %");
	}

	private static double mean(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).average().orElseThrow();
	}

	/** The projection's two measured terms are bench/projection-terms.sh's, copied by bench/calibrate-projection.py. */
	@Test
	void theProjectionTermsAreTheMeasuredOnes() throws IOException {
		Map<String, String> derived = new LinkedHashMap<>();
		boolean inDerived = false;
		for (String line : Files.readAllLines(Path.of("bench/results/projection-terms.txt"))) {
			inDerived = inDerived || line.startsWith("## Derived");
			if (inDerived && line.startsWith("    ")) {
				String[] f = line.strip().split("\t");
				derived.put(f[0], f[1]);
			}
		}
		ProjectionCalibration c = ProjectionCalibration.standard();
		assertThat(c.untrackedResultCopies()).isEqualTo(Integer.parseInt(derived.get("untracked_result_copies")));
		assertThat(c.openTableInPoolBytes()).isEqualTo(Long.parseLong(derived.get("open_table_in_pool_kib")) * 1024);
	}

}
