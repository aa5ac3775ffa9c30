package dev.memplan.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents the code cites live in {@code docs/}: every {@code docs/NAME.md#anchor} written in
 * the sources, the data files, the benchmarks or a Markdown file names a document that exists and
 * an anchor it has (an explicit {@code <a id>} or a heading), so a renamed section breaks the build
 * instead of a reader's link.
 */
class DocumentationLinksTests {

	/** {@code docs/memory-model.md#tier-table}, also {@code ../bench/README.md#accuracy} from inside docs. */
	private static final Pattern CITATION = Pattern.compile("((?:docs|bench)/[A-Za-z0-9._-]+\\.md)(?:#([A-Za-z0-9_-]+))?");

	/** A section sign, or the reference's documents named without the repository's docs/ folder. */
	private static final Pattern OUTSIDE_CITATION = Pattern.compile("\u00a7|(?<!docs/)\\b(?:memory-model|stack|oom|style)\\.md\\b");

	/**
	 * A path out of the checkout: the shared corpus beside it ({@code ../shared/corpus}) or a machine's
	 * own folders. A reader of the repository has neither; the tests that read the corpus say where
	 * they look for it in code (support/Corpus), which this does not check.
	 */
	private static final Pattern OUTSIDE_PATH = Pattern.compile("\\.\\./shared\\b|(?<![\\w.])/work/");

	private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

	@Test
	void everyCitedDocumentAndAnchorExists() throws IOException {
		List<String> broken = new ArrayList<>();
		int citations = 0;
		for (Path file : citingFiles()) {
			Matcher matcher = CITATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (matcher.find()) {
				citations++;
				String problem = problem(matcher.group(1), matcher.group(2));
				if (problem != null) {
					broken.add(file + ": " + matcher.group() + " " + problem);
				}
			}
		}
		assertThat(citations).as("citations found").isGreaterThan(10);
		assertThat(broken).isEmpty();
	}

	/**
	 * The code cites the project's own documents only: a section sign or a bare memory-model.md /
	 * stack.md points into the engineers' reference, which is not in the repository.
	 */
	@Test
	void theCodeCitesNoDocumentOutsideTheRepository() throws IOException {
		List<String> outside = new ArrayList<>();
		for (Path file : citingFiles()) {
			if (!file.toString().endsWith(".java")) {
				continue;
			}
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				if (OUTSIDE_CITATION.matcher(lines.get(i)).find()) {
					outside.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(outside).isEmpty();
		assertThat(OUTSIDE_CITATION.matcher("(memory-model.md §4)").find()).isTrue();
		assertThat(OUTSIDE_CITATION.matcher("(docs/memory-model.md#totals)").find()).isFalse();
	}

	/** The documents, messages, pages and data files name no path outside the repository. */
	@Test
	void theDocumentsCiteNoPathOutsideTheRepository() throws IOException {
		List<String> outside = new ArrayList<>();
		int read = 0;
		for (Path file : citingFiles()) {
			if (file.toString().endsWith(".java")) {
				continue;
			}
			read++;
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				if (OUTSIDE_PATH.matcher(lines.get(i)).find()) {
					outside.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(read).as("documents read, README.md among them").isGreaterThan(10);
		assertThat(outside).isEmpty();
		assertThat(OUTSIDE_PATH.matcher("Corpus tests read `../shared/corpus` in place.").find()).isTrue();
		assertThat(OUTSIDE_PATH.matcher("(`../shared/corpus/oom/`)").find()).isTrue();
		assertThat(OUTSIDE_PATH.matcher("see /work/shared/corpus").find()).isTrue();
		assertThat(OUTSIDE_PATH.matcher("the shared corpus beside the checkout").find()).isFalse();
		assertThat(OUTSIDE_PATH.matcher("[bench/README.md](../bench/README.md)").find()).isFalse();
	}

	@Test
	void aMissingAnchorOrDocumentIsCaught() throws IOException {
		assertThat(problem("docs/memory-model.md", "tier-table")).isNull();
		assertThat(problem("docs/memory-model.md", "no-such-section")).isEqualTo("has no anchor #no-such-section");
		assertThat(problem("docs/no-such-document.md", null)).isEqualTo("does not exist");
	}

	@Test
	void headingsAnchorTheWayGitHubRendersThem() {
		assertThat(slug("Totals and the verdict")).isEqualTo("totals-and-the-verdict");
		assertThat(slug("InnoDB buffer pool — `buffer_pool`")).isEqualTo("innodb-buffer-pool--buffer_pool");
	}

	private static String problem(String document, String anchor) throws IOException {
		Path path = Path.of(document);
		if (!Files.isRegularFile(path)) {
			return "does not exist";
		}
		if (anchor != null && !anchors(Files.readString(path, StandardCharsets.UTF_8)).contains(anchor)) {
			return "has no anchor #" + anchor;
		}
		return null;
	}

	private static Set<String> anchors(String markdown) {
		Set<String> anchors = new HashSet<>();
		Matcher explicit = EXPLICIT_ANCHOR.matcher(markdown);
		while (explicit.find()) {
			anchors.add(explicit.group(1));
		}
		Matcher heading = HEADING.matcher(markdown);
		while (heading.find()) {
			anchors.add(slug(heading.group(1)));
		}
		return anchors;
	}

	/** GitHub's rule: lower case, punctuation other than '-' and '_' dropped, each space a '-'. */
	static String slug(String heading) {
		return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private static List<Path> citingFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		for (String root : List.of("src", "bench", "docs")) {
			try (Stream<Path> walk = Files.walk(Path.of(root))) {
				walk.filter(Files::isRegularFile)
					.filter((file) -> file.toString().matches(".*\\.(java|properties|tsv|html|sh|lua|md|txt)$"))
					.filter((file) -> !file.startsWith(Path.of("bench", "results")))
					.filter((file) -> !file.endsWith("DocumentationLinksTests.java")) // its own examples of broken links
					.forEach(files::add);
			}
		}
		files.add(Path.of("README.md"));
		return files;
	}

}
