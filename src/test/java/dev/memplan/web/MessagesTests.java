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
				"query_cache", "aria_pagecache", "performance_schema", "temptable", "sort_buffer", "join_buffer", "read_buffer",
				"read_rnd_buffer", "thread_stack", "net_buffers", "binlog_caches", "tmp_table")) {
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
	void everyDiagnosticCodeHasAMessage() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Pattern code = Pattern.compile("(?:new Diagnostic\\(|Diagnostic\\.(?:about|of)\\([^;]*?|note\\(option, [^,]+, )\"([A-Z][A-Z_]{2,})\"", Pattern.DOTALL);
		// a finding worded by a variable note (.wordedBy) takes its message from note.<key>, below
		Pattern wordedByNote = Pattern.compile("\"([A-Z][A-Z_]{2,})\"[^;]*?\\.wordedBy\\(", Pattern.DOTALL);
		Pattern noteKey = Pattern.compile("VariableNote\\.of\\(\"([a-zA-Z]+)\"");
		Set<String> codes = new TreeSet<>();
		Set<String> worded = new TreeSet<>();
		Set<String> notes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/memplan"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				code.matcher(source).results().forEach((m) -> codes.add(m.group(1)));
				wordedByNote.matcher(source).results().forEach((m) -> worded.add(m.group(1)));
				noteKey.matcher(source).results().forEach((m) -> notes.add(m.group(1)));
			}
		}
		assertThat(codes).hasSizeGreaterThan(30);
		assertThat(worded).containsExactly("VALUE_ADJUSTED");
		for (String c : codes) {
			assertThat(worded.contains(c) || keys.contains("diag." + c) || keys.contains("diag." + c + ".ERROR"))
				.as("a message for " + c).isTrue();
		}
		assertThat(notes).hasSize(6);
		for (String note : notes) {
			assertThat(keys).as("a message for the note " + note).contains("note." + note);
		}
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
