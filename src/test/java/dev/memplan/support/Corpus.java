package dev.memplan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real-world inputs, read in place from ../shared/corpus, never copied. When
 * it is absent a test is skipped with the reason; under CI=true it fails instead, because CI runs
 * with ../shared beside the clone and a silent skip would hide every corpus test.
 */
public final class Corpus {

	public static final Path ROOT = Path.of(System.getProperty("memplan.corpus", "../shared/corpus"));

	private Corpus() {
	}

	/** The files of one corpus folder. */
	public static List<Path> files(String folder) throws IOException {
		Path dir = ROOT.resolve(folder);
		require(Files.isDirectory(dir), "corpus folder " + dir.toAbsolutePath()
				+ " is absent (it lives in ../shared/corpus beside the project)");
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	public static Path file(String folder, String name) {
		Path file = ROOT.resolve(folder).resolve(name);
		require(Files.isRegularFile(file), "corpus file " + file.toAbsolutePath() + " is absent");
		return file;
	}

	static void require(boolean present, String reason) {
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but the " + reason);
		}
		Assumptions.assumeTrue(present, "SKIPPED: " + reason);
	}

}
