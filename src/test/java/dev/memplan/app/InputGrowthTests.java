package dev.memplan.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.InvalidInputException;
import dev.memplan.support.Growth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader behind the paste box and the upload is linear in its input, shape by shape: the
 * inputs the hardening review found quadratic, each through the whole use case (read, interpret,
 * plan), as the page and the API run it.
 */
class InputGrowthTests {

	private final PlanService service = new PlanService();

	private final HostCheckService hosts = new HostCheckService();

	private static final PlanQuery HOST = PlanQuery.EMPTY.withHostRam("16G");

	private void paste(String text) {
		this.service.plan(HOST, new ImportRequest(text, Map.of(), null, null));
	}

	private void dump(String text) {
		this.service.plan(HOST, new ImportRequest(null, Map.of(), text, null));
	}

	private static IntFunction<String> repeat(String head, String unit) {
		return (n) -> head + unit.repeat(n);
	}

	@Test
	void aPasteOfBlankLinesIsLinear() {
		// x and N newlines: 20 KB took 2.4 s and 40 KB 10.5 s when the paste detector's ^\s* crossed lines
		Growth.assertLinear("x + N newlines", 200_000, repeat("x", "\n"), this::paste);
	}

	@Test
	void anIncludedirWithManySlashesIsLinear() {
		// !includedir /etc then 1,000,000 '/' took 66 s
		Growth.assertLinear("!includedir /etc////…", 200_000, repeat("[mysqld]\n!includedir /etc", "/"), this::paste);
	}

	@Test
	void manyDistinctGroupsAreLinear() {
		// 100,000 distinct [gN] groups (889 KB) took 19 s: the group list was searched per header
		Growth.assertLinear("[g1] [g2] …", 20_000, (n) -> {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < n; i++) {
				text.append("[g").append(i).append("]\n");
			}
			return text.toString();
		}, this::paste);
	}

	@Test
	void unknownOptionsAreLinear() {
		// each unknown name is compared with the catalog for a likely typo
		Growth.assertLinear("unknown options", 5_000, (n) -> {
			StringBuilder text = new StringBuilder("[mysqld]\n");
			for (int i = 0; i < n; i++) {
				text.append("unknown_option_").append(i).append("=1\n");
			}
			return text.toString();
		}, this::paste);
	}

	@Test
	void aDumpOfWhitespaceLinesIsLinear() {
		Growth.assertLinear("| then blank lines", 200_000, repeat("|", " \n"), this::dump);
	}

	@Test
	void groupHeadersWithoutTheirBracketAreLinear() {
		Growth.assertLinear("[ lines", 100_000, repeat("", "[\n"), this::paste);
	}

	/** Shapes of one mebibyte, the largest body the site accepts: each is answered well under a second. */
	static Stream<Arguments> mebibyteShapes() {
		int mib = 1 << 20;
		return Stream.of(Arguments.of("newlines", "x" + "\n".repeat(mib - 1)),
				Arguments.of("spaces", " ".repeat(mib)),
				Arguments.of("one long line", "[mysqld]\nmax_connections=" + "9".repeat(mib - 30)),
				Arguments.of("one long digit string", "[mysqld]\ninnodb_buffer_pool_size=" + "9".repeat(mib - 40)),
				Arguments.of("slashes", "[mysqld]\n!includedir /etc" + "/".repeat(mib - 30)),
				Arguments.of("open brackets", "[\n".repeat(mib / 2)),
				Arguments.of("pipes and blanks", "|" + " \n".repeat(mib / 2 - 1)),
				Arguments.of("short options", "[mysqld]\n" + "a=1\n".repeat(mib / 4 - 4)),
				Arguments.of("quotes and escapes", "[mysqld]\nx=\"" + "\\\"".repeat(mib / 2 - 10) + "\""),
				Arguments.of("comments", "[mysqld]\n" + "x=1 # '\"\n".repeat(mib / 10)),
				Arguments.of("tab dump", "Variable_name\tValue\n" + "v\t1\n".repeat(mib / 4 - 8)),
				Arguments.of("vertical dump", "Variable_name: x\nValue: " + "9".repeat(mib - 30)),
				Arguments.of("includes", "[mysqld]\n" + "!include a.cnf\n".repeat(mib / 15)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mebibyteShapes")
	void aMebibyteOfAnyShapeIsAnsweredWellUnderASecond(String shape, String text) {
		Consumer<String> both = (input) -> {
			try {
				paste(input);
			}
			catch (InvalidInputException ex) {
				// a clear refusal is an answer too
			}
		};
		both.accept(text);
		// the open brackets read as a kernel log took 73 to 690 ms of CPU per run here (the page faults of a
		// growing heap count as the thread's time); a stop's CI once measured 1,087 ms as the best of five,
		// so a best over the second is measured again before the verdict
		long second = 1_000_000_000L;
		assertThat(Growth.bestUnder(second, text, both) / 1_000_000).as(shape).isLessThan(1_000);
		assertThat(Growth.bestUnder(second, text, (t) -> this.hosts.analyzeLog(t)) / 1_000_000).as(shape + " as a kernel log").isLessThan(1_000);
		assertThat(Growth.bestUnder(second, text, (t) -> {
			try {
				this.hosts.analyzeHost(t, null, null);
			}
			catch (InvalidInputException ex) {
				// refused with a message: fine
			}
		}) / 1_000_000).as(shape + " as a host snapshot").isLessThan(1_000);
	}

	@Test
	void amplifyingIncludesGrowLinearlyWithTheUpload() {
		// f0 includes f1 five times, f1 includes f2 five times; f1 and f2 hold N comment lines each:
		// 30 N lines to read for 2 N uploaded, cut at 4 lines read per uploaded line (8 N), so twice the
		// upload is at most twice the work
		Growth.assertLinear("!include chain of N-line files", 20_000, (n) -> {
			Map<String, String> files = new LinkedHashMap<>();
			files.put("f0.cnf", "[mysqld]\n" + "!include /etc/mysql/f1.cnf\n".repeat(5));
			files.put("f1.cnf", "# tuning notes\n".repeat(n) + "!include /etc/mysql/f2.cnf\n".repeat(5));
			files.put("f2.cnf", "[mysqld]\nmax_connections=120\n" + "# more notes\n".repeat(n));
			return files;
		}, (files) -> this.service.plan(HOST, new ImportRequest(null, files, null, null)));
	}

	@Test
	void amplifyingIncludesStopAtABoundProportionalToTheUpload() {
		// eleven ~100-byte files, each including the next five times: 5^10 reads of the last one
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < 11; i++) {
			String next = "!include /etc/mysql/f" + (i + 1) + ".cnf\n";
			files.put("f" + i + ".cnf", "[mysqld]\nmax_connections=" + (100 + i) + "\n" + ((i < 10) ? next.repeat(5) : ""));
		}
		long start = System.nanoTime();
		PlanResult result = this.service.plan(HOST, new ImportRequest(null, files, null, null));
		long millis = (System.nanoTime() - start) / 1_000_000;
		Diagnostic stopped = result.plan().diagnostics().stream()
			.filter((d) -> d.code() == DiagnosticCode.READING_STOPPED)
			.findFirst()
			.orElseThrow();
		// 83 lines uploaded: the bound is the floor of 100,000 lines read
		assertThat(Long.parseLong(stopped.args().get(0))).isEqualTo(100_000);
		assertThat(result.plan().diagnostics()).hasSizeLessThan(1_000);
		assertThat(millis).as("bounded, not 16 s to an OutOfMemoryError").isLessThan(5_000);
		// the "Files read" panel lists each file once and the first 200 of the ~100,000 option lines, the rest counted
		assertThat(result.filesRead().files()).hasSize(11);
		assertThat(result.filesRead().files().get(10).timesRead()).isGreaterThan(1_000);
		assertThat(result.filesRead().options()).hasSize(200);
		assertThat(result.filesRead().moreOptions()).isGreaterThan(10_000);
	}

}
