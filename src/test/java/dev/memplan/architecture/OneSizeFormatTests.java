package dev.memplan.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes reach people in one format, {@code ByteSize.formatApproximate} (at most one decimal:
 * "6.4 MiB"), with the exact count in a title attribute or the JSON: the exact two-decimal
 * format printed "6710886 B" and "5856 KiB" beside "5.7 MiB" (issue 17, item 5).
 */
class OneSizeFormatTests {

	@Test
	void nothingOutsideByteSizeFormatsSizesForPeopleTheExactWay() throws IOException {
		List<String> offenders;
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			offenders = files.filter((f) -> f.toString().endsWith(".java") || f.toString().endsWith(".html"))
				.filter((f) -> !f.endsWith(Path.of("core", "ByteSize.java")))
				.filter((f) -> read(f).contains("formatHuman(") || read(f).contains("toHumanString()") || read(f).contains("@bytes.exact("))
				.map(Path::toString)
				.toList();
		}
		assertThat(offenders).as("use ByteSize.formatApproximate / @bytes.human (+ @bytes.title for the exact count)").isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
