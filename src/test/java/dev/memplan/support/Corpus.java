package dev.memplan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** The shared corpus of real-world inputs, read in place from ../shared/corpus, never copied. */
public final class Corpus {

	public static final Path ROOT = Path.of(System.getProperty("memplan.corpus", "../shared/corpus"));

	private Corpus() {
	}

	/** The files of one corpus folder; the calling test is skipped, with the reason, when the corpus is absent. */
	public static List<Path> files(String folder) throws IOException {
		Path dir = ROOT.resolve(folder);
		Assumptions.assumeTrue(Files.isDirectory(dir),
				"SKIPPED: corpus folder " + dir.toAbsolutePath() + " is absent (it lives in ../shared/corpus beside the project)");
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	public static Path file(String folder, String name) throws IOException {
		Path file = ROOT.resolve(folder).resolve(name);
		Assumptions.assumeTrue(Files.isRegularFile(file), "SKIPPED: corpus file " + file.toAbsolutePath() + " is absent");
		return file;
	}

}
