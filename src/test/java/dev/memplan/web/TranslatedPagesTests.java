package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import dev.memplan.app.LiveFigures;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.app.PlanQuery;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;
import dev.memplan.support.Corpus;
import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A Chinese or Japanese page shows no English sentence outside code and names. Every main page is
 * rendered in each language with as many of its messages as one request can bring out (an
 * overcommitted plan with levers, an import full of findings, a live result with every note, a
 * kernel log and a host snapshot); then code, preformatted text, option names, units and the
 * language links are set aside, and a run of three or more ordinary English words (lower case, or
 * capitalised like a sentence's first word) fails the test. Identifiers glued to {@code _ . / = -}
 * or digits, words in capitals (SQL, OOM) and the names below are not ordinary words.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TranslatedPagesTests {

	/** Names that read as ordinary words: products, programs, people's systems. */
	private static final Set<String> NAMES = Set.of("memplan", "mysqld", "mariadbd", "mysqld_safe", "glibc", "malloc", "jemalloc",
			"tcmalloc", "systemd", "journalctl", "killer", "Linux", "Debian", "Ubuntu", "Amazon", "Aurora", "Galera", "Aria", "Percona",
			"Markdown", "Prometheus", "Grafana", "Docker", "Community", "Server", "Enterprise", "Edition", "Chromium", "Kubernetes",
			"English", "node", "java", "sed", "sshd", "bash", "sudo", "sync", "kworker", "containerd", "dockerd", "kubelet",
			"php", "httpd", "nginx", "apache", "postgres", "redis", "mongod", "python", "perl", "ruby", "cron", "rsyslogd", "top");

	/** A word as a person writes it: letters only, lower case after the first. */
	private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]*(?:'[a-z]+)?");

	private static final Pattern QUOTED = Pattern.compile("'[^'\\n]{1,60}'|\"[^\"\\n]{1,60}\"");

	private static final Pattern HALF_WIDTH_BESIDE_HAN = Pattern.compile("\\p{IsHan} ?[:;,(]|[:;,)] ?\\p{IsHan}");

	private static final String KERNEL_LOG = "oomanalyser__rhel7-3.10-mysqld-killed.log";

	private static final String MY_CNF = """
			[client]
			password = secret
			[mysqld]
			sort_bufer_size = 4M
			loose-innodb_fake_option = 1
			key_buffer = 64M
			innodb_buffer_pool_size = 1.5G
			max_connections = 5000
			!includedir /etc/mysql/conf.d/
			!include /etc/mysql/secret.cnf
			[mysqld3306]
			max_connections = 800
			""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LivePlanService live;

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "ja" })
	void noPageShowsAnEnglishSentence(String lang) throws Exception {
		when(this.live.isEnabled()).thenReturn(true);
		when(this.live.probeAndPlan(any(), any())).thenAnswer((call) -> liveOutcome(call.getArgument(1)));
		String log = Files.readString(Corpus.file("oom", KERNEL_LOG), StandardCharsets.UTF_8);
		Map<String, RequestBuilder> pages = new java.util.LinkedHashMap<>();
		pages.put("planner form", get("/").param("lang", lang));
		pages.put("overcommitted plan", get("/?server=mariadb-10.11&hostRam=8G&expectedConnections=400").param("lang", lang));
		pages.put("fitting plan", get("/?server=mysql-8.0&hostRam=16G&max_connections=500&expectedConnections=100").param("lang", lang));
		pages.put("bad fields", get("/?server=mysql-8.0&hostRam=16X&sort_buffer_size=1.5G").param("lang", lang));
		for (String server : List.of("mariadb-10.11", "mysql-8.0", "mysql-5.7")) {
			pages.put("import for " + server, multipart("/").file(new MockMultipartFile("files", "my.cnf", "text/plain",
					MY_CNF.getBytes(StandardCharsets.UTF_8))).param("server", server).param("hostRam", "8G").param("lang", lang));
		}
		pages.put("live form", get("/live").param("lang", lang));
		pages.put("live result", post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("host", "db1.example")
			.param("port", "3306").param("user", "memplan").param("password", "x").param("hostRam", "16G").param("lang", lang));
		pages.put("host form", get("/host").param("lang", lang));
		pages.put("host result", post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", log)
			.param("snapshot", HostSnapshots.WORKED_EXAMPLE).param("worstCase", "2G").param("lang", lang));
		List<String> found = new ArrayList<>();
		for (Map.Entry<String, RequestBuilder> page : pages.entrySet()) {
			String html = this.mvc.perform(page.getValue()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(page.getKey()).contains("lang=\"" + lang + "\"");
			for (String run : englishRuns(html)) {
				found.add(page.getKey() + ": " + run);
			}
			if (lang.equals("zh-CN")) {
				for (String mark : halfWidthBesideHan(html)) {
					found.add(page.getKey() + ": half-width punctuation in " + mark);
				}
			}
		}
		assertThat(found).as("English sentences on the " + lang + " pages").isEmpty();
	}

	@Test
	void theDetectorFindsASentenceAndSparesCodeNamesAndIdentifiers() {
		assertThat(englishRuns("<p>缓冲池 the server will refuse to start 吗</p>")).containsExactly("the server will refuse to start");
		assertThat(englishRuns("<p>Largest other task：mysqld</p>")).containsExactly("Largest other task");
		assertThat(englishRuns("<p>见 <code>SHOW GLOBAL VARIABLES and more text</code>，MySQL Community Server 8.0，"
				+ "performance_schema.threads MAX_TOTAL_MEMORY，glibc malloc 与 sort_buffer_size 和 ''Too many connections''</p>"))
			.isEmpty();
		assertThat(englishRuns("<p>32 MiB 的 8 GiB：innodb_buffer_pool_size = 12G</p><a lang=\"en\">English pages read here</a>")).isEmpty();
	}

	/** Chinese running text takes full-width punctuation: a ':' '(' ')' ',' ';' touching a Han character is a slip. */
	static List<String> halfWidthBesideHan(String html) {
		Document page = Jsoup.parse(html);
		page.select("code, pre, script, style, svg, select, textarea, [lang^=en]").remove();
		List<String> marks = new ArrayList<>();
		for (Element element : page.getAllElements()) {
			// one element's own text: a ')' ending one list item beside the next item's first word is no slip
			Matcher matcher = HALF_WIDTH_BESIDE_HAN.matcher(element.ownText());
			while (matcher.find()) {
				marks.add(matcher.group() + " in \"" + element.ownText() + "\"");
			}
		}
		return marks;
	}

	/** Runs of three or more ordinary English words in the page's own text. */
	static List<String> englishRuns(String html) {
		Document page = Jsoup.parse(html);
		page.select("code, pre, script, style, svg, select, textarea, [lang^=en], .languages, #permalink").remove();
		List<String> runs = new ArrayList<>();
		for (Element element : page.getAllElements()) {
			String own = element.ownText();
			if (!own.isBlank()) {
				runs.addAll(runsIn(own));
			}
			for (String attribute : List.of("aria-label", "alt", "placeholder")) {
				if (element.hasAttr(attribute)) {
					runs.addAll(runsIn(element.attr(attribute)));
				}
			}
		}
		runs.addAll(runsIn(page.title()));
		return runs;
	}

	private static List<String> runsIn(String written) {
		// a server's own message, quoted ('Too many connections'), is a name too
		String text = QUOTED.matcher(written).replaceAll(" ");
		List<String> runs = new ArrayList<>();
		List<String> run = new ArrayList<>();
		int previousEnd = -1;
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			boolean ordinary = isOrdinary(text, matcher.start(), matcher.end());
			boolean joined = previousEnd >= 0 && text.substring(previousEnd, matcher.start()).matches("[ ,]+");
			if (!ordinary || !joined) {
				flush(run, runs);
			}
			if (ordinary) {
				run.add(matcher.group());
				previousEnd = matcher.end();
			}
			else {
				previousEnd = -1;
			}
		}
		flush(run, runs);
		return runs;
	}

	private static void flush(List<String> run, List<String> runs) {
		if (run.size() >= 3) {
			runs.add(String.join(" ", run));
		}
		run.clear();
	}

	/** Not a name, an identifier (glued to _ . / = - or a digit) or a word in capitals. */
	private static boolean isOrdinary(String text, int start, int end) {
		String word = text.substring(start, end);
		if (word.length() < 2 || NAMES.contains(word.replaceFirst("'s$", ""))) {
			return false;
		}
		char before = (start > 0) ? text.charAt(start - 1) : ' ';
		char after = (end < text.length()) ? text.charAt(end) : ' ';
		return !isGlue(before) && before != '.' && !isGlue(after);
	}

	/** What joins a word into an identifier, a path, a size or a longer name ({@code MySQL}'s "My"). */
	private static boolean isGlue(char c) {
		return c == '_' || c == '/' || c == '=' || c == '-' || c == '@' || Character.isDigit(c) || (c < 128 && Character.isLetter(c));
	}

	private static LiveOutcome liveOutcome(PlanQuery host) {
		List<Diagnostic> measured = new ArrayList<>();
		for (DiagnosticCode code : DiagnosticCode.values()) {
			if (code.name().startsWith("MEASURED_")) {
				measured.add(Diagnostic.of(code, Severity.INFO, "1142"));
			}
		}
		List<Diagnostic> missing = new ArrayList<>();
		for (DiagnosticCode code : DiagnosticCode.values()) {
			if (code.name().startsWith("OBSERVED_")) {
				missing.add(Diagnostic.of(code, Severity.INFO, "information_schema.PROCESSLIST.MAX_MEMORY_USED", "1227"));
			}
		}
		ObservedPeaks observed = new ObservedPeaks("information_schema.PROCESSLIST.MAX_MEMORY_USED", 12, 10L << 20, 30L << 20, null,
				null, missing);
		LiveSnapshot snapshot = new LiveSnapshot("10.11.19-MariaDB", "mariadb.org binary distribution",
				Map.of("max_connections", "151", "innodb_buffer_pool_size", "134217728"),
				Map.of("max_used_connections", "150", "threads_connected", "40", "sort_merge_passes", "90000", "created_tmp_disk_tables",
						"500000", "created_tmp_tables", "600000", "select_full_join", "7000", "uptime", "86400", "questions", "9000000"),
				700L << 20, measured, List.of(new LiveSnapshot.Consumer("connection 7 (app)", 9L << 20)), null, observed);
		LiveReading reading = LiveReading.of(snapshot, ServerCatalog.standard());
		PlanResult planned = new PlanService().planWith(host.withServer(reading.profile().id()), reading.settings(), List.of(), null,
				reading.maxUsedConnections(), reading.threadsConnected());
		return new LiveOutcome.Planned(planned, reading, LiveFigures.of(planned, reading));
	}

}
