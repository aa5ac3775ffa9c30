package dev.memplan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import dev.memplan.budget.Scope;
import dev.memplan.budget.Verdict;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Severity;
import dev.memplan.oom.HostRiskReport;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.report.EnglishText;

/**
 * Every language has every key; every key a template or the domain asks for exists; no template
 * holds user-visible text outside a message.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyLanguageHasEveryKey() throws IOException {
		Set<String> english = bundle("messages.properties").stringPropertyNames();
		assertThat(english).hasSizeGreaterThan(200);
		for (String other : List.of("messages_zh_CN.properties", "messages_ja.properties")) {
			assertThat(bundle(other).stringPropertyNames()).as(other).containsExactlyInAnyOrderElementsOf(english);
		}
	}

	/**
	 * A message with arguments goes through MessageFormat, where a lone apostrophe starts a quoted
	 * section: "In memplan's latest runs … {0} of {1}" rendered as "In memplans latest runs … {0} of {1}"
	 * on the page, the apostrophe gone and the figures never filled in. Such messages write '' for one.
	 */
	@Test
	void noMessageWithArgumentsHoldsALoneApostrophe() throws IOException {
		Pattern argument = Pattern.compile("\\{\\d");
		Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
		for (String name : List.of("messages.properties", "messages_zh_CN.properties", "messages_ja.properties")) {
			Properties bundle = bundle(name);
			List<String> broken = new ArrayList<>();
			for (String key : bundle.stringPropertyNames()) {
				String text = bundle.getProperty(key);
				if (argument.matcher(text).find() && loneApostrophe.matcher(text).find()) {
					broken.add(key);
				}
			}
			assertThat(broken).as(name).isEmpty();
		}
	}

	@Test
	void everyKeyTheTemplatesAndTheDomainUseExists() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = STATIC_KEY.matcher(Files.readString(template));
			while (m.find()) {
				used.add(m.group(1));
			}
		}
		// keys built from data: #{${'term.' + item.id}}, #{${'help.' + f.name}}, …
		for (String id : List.of("buffer_pool", "buffer_pool_overhead", "log_buffer", "additional_mem_pool", "key_cache",
				"query_cache", "aria_pagecache", "performance_schema", "temptable", "temptable_mmap", "sort_buffer", "join_buffer", "read_buffer",
				"read_rnd_buffer", "thread_stack", "net_buffers", "binlog_caches", "tmp_table",
				// the measured terms no variable names (budget.UnnamedTerms)
				"connection_structures", "more_tmp_tables", "temptable_thread_block", "packet_copies", "open_tables", "allocator_slack")) {
			used.add("term." + id);
			used.add("term." + id + ".why");
		}
		for (ServerProfile profile : ServerCatalog.standard().profiles()) {
			ServerCatalog.standard().variables(profile).keySet().forEach((name) -> used.add("help." + name));
		}
		for (Verdict verdict : Verdict.values()) {
			used.add("verdict." + verdict);
			used.add("verdict.word." + verdict);
		}
		for (Severity severity : Severity.values()) {
			used.add("severity." + severity);
		}
		for (Scope scope : Scope.values()) {
			used.add("scope." + scope);
		}
		for (HostRiskReport.Level level : HostRiskReport.Level.values()) {
			used.add("level." + level);
		}
		List.of("global", "connections", "rest", "headroom").forEach((k) -> used.add("chart.segment." + k));
		List.of("expected", "measured").forEach((k) -> used.add("chart." + k));
		assertThat(keys).containsAll(used);
	}

	@Test
	void everyDiagnosticCodeHasAMessageInEveryLanguage() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_zh_CN.properties", "messages_ja.properties")) {
			Set<String> keys = bundle(bundle).stringPropertyNames();
			for (DiagnosticCode code : DiagnosticCode.values()) {
				if (code == DiagnosticCode.VALUE_ADJUSTED) {
					continue; // worded by the variable's note (note.<key>), checked below
				}
				assertThat(keys.contains(code.messageKey()) || keys.contains(code.messageKey() + ".ERROR"))
					.as("%s: a message for %s", bundle, code).isTrue();
			}
		}
	}

	@Test
	void everyVariableNoteHasAMessageInEveryLanguage() throws IOException {
		Pattern noteKey = Pattern.compile("VariableNote\\.of\\(\"([a-zA-Z]+)\"");
		Set<String> notes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/memplan"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				noteKey.matcher(Files.readString(file)).results().forEach((m) -> notes.add(m.group(1)));
			}
		}
		assertThat(notes).hasSize(7);
		for (String bundle : List.of("messages.properties", "messages_zh_CN.properties", "messages_ja.properties")) {
			Set<String> keys = bundle(bundle).stringPropertyNames();
			for (String note : notes) {
				assertThat(keys).as("%s: a message for the note %s", bundle, note).contains("note." + note);
			}
		}
	}

	@Test
	void everyReasonASizeIsRefusedHasAMessageInEveryLanguage() throws IOException {
		// one text for each way ByteSize refuses a size, as the server's parser and a host amount are read
		Set<String> reasons = new TreeSet<>();
		for (String text : new String[] { "", "abc", "5X", "18446744073709551616", "9".repeat(25) }) {
			reasons.add(refusal(() -> ByteSize.parse(text)).reason().key());
		}
		for (String text : new String[] { " ", "7..5G", "9".repeat(31), "16Q", "9".repeat(30) }) {
			reasons.add(refusal(() -> ByteSize.parseHostMemory(text)).reason().key());
		}
		Set<String> sizeKeys = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
		sizeKeys.removeIf((key) -> !key.startsWith("size.") || key.equals("size.invalid"));
		assertThat(reasons).as("every size.* reason is one ByteSize gives").isEqualTo(sizeKeys);
		for (String bundle : List.of("messages.properties", "messages_zh_CN.properties", "messages_ja.properties")) {
			assertThat(bundle(bundle).stringPropertyNames()).as(bundle).containsAll(reasons).contains("size.invalid");
		}
		// the English of the API and the exception is the bundle's, the reason inside it
		assertThat(refusal(() -> ByteSize.parseHostMemory("16Q")).getMessage())
			.isEqualTo("'16Q' is not a valid size: unknown unit 'Q' (use K, M, G, T or P; they are read as powers of 1024)");
	}

	private static ByteSizeFormatException refusal(Runnable parse) {
		try {
			parse.run();
		}
		catch (ByteSizeFormatException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	@Test
	void theEnglishOfTheApiAndCommandLineComesFromTheBundle() {
		// one English source: the same sentence the English page shows, with the finding's values
		Diagnostic diagnostic = Diagnostic.of(DiagnosticCode.UNKNOWN_INSTANCE, Severity.ERROR, "mysqld3307", "mysqld3306");
		assertThat(EnglishText.of(diagnostic)).isEqualTo("No instance group [mysqld3307] in the files (found: mysqld3306).");
		// the severity's own sentence first where there is one
		Diagnostic loose = Diagnostic.of(DiagnosticCode.UNKNOWN_OPTION, Severity.WARNING, "loose-foo");
		assertThat(EnglishText.of(loose)).isEqualTo("unknown option loose-foo: ignored thanks to loose-.");
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			for (Element element : document.getAllElements()) {
				if (hasMessage(element)) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (isProse(text.text())) {
						found.add(template.getFileName() + ": <" + element.tagName() + "> " + text.text().strip());
					}
				}
				for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
					if (element.hasAttr(attribute) && isProse(element.attr(attribute))) {
						found.add(template.getFileName() + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	/** th:text replaces the element's text, so what is written inside is only a preview. */
	private static boolean hasMessage(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
				return true;
			}
		}
		return false;
	}

	/** Words for people, as opposed to technical names and examples (innodb_buffer_pool_size, 16G, #, ·). */
	private static boolean isProse(String text) {
		String stripped = text.strip();
		if (stripped.isEmpty() || stripped.matches("[\\w.:/\\-#·+×%()\\[\\]{}$@']*") || stripped.equals("memplan")) {
			return false;
		}
		return stripped.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
	}

}
