package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
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
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A result computed from a POST (an import, a live probe, a host check) survives a change of
 * language: the language links carry the kept result's id, and the page is shown again from what
 * was submitted, without uploading, probing or pasting again, and never with a password.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LanguageSwitchTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LivePlanService live;

	private Document page(RequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static String languageLink(Document page, String tag) {
		return page.select("nav.languages a[hreflang=" + tag + "]").attr("href");
	}

	@Test
	void anImportIsShownAgainInJapaneseWithoutTheUpload() throws Exception {
		Document english = page(multipart("/").param("server", "mysql-8.0").param("hostRam", "8G")
			.param("config", "[mysqld]\nmax_connections = 800\nsort_buffer_size = 4M\n"));
		String worst = english.select("#worst-case").text();
		String link = languageLink(english, "ja");
		assertThat(link).matches("/\\?result=[A-Za-z0-9_-]{22}&lang=ja");
		Document japanese = page(get(link));
		assertThat(japanese.select("html").attr("lang")).isEqualTo("ja");
		assertThat(japanese.select("#verdict")).isNotEmpty();
		assertThat(japanese.select("#worst-case").text()).isEqualTo(worst);
		assertThat(japanese.text()).contains("my.cnf:2"); // where max_connections came from: the file, not a permalink
		// and back to English from there, still the same result
		assertThat(page(get(languageLink(japanese, "en"))).select("#worst-case").text()).isEqualTo(worst);
	}

	@Test
	void anUnknownOrExpiredResultShowsTheEmptyFormWithANote() throws Exception {
		Document page = page(get("/?result=AAAAAAAAAAAAAAAAAAAAAA&lang=zh-CN"));
		assertThat(page.select("#result-expired").text()).startsWith("该结果已不再保留");
		assertThat(page.select("#verdict")).isEmpty();
		assertThat(page(get("/live?result=nonsense")).select("#result-expired")).isNotEmpty();
		assertThat(page(get("/host?result=nonsense")).select("#result-expired")).isNotEmpty();
	}

	@Test
	void aLiveResultIsShownAgainWithoutProbingAndWithoutThePassword() throws Exception {
		when(this.live.isEnabled()).thenReturn(true);
		when(this.live.probeAndPlan(any(), any())).thenAnswer((call) -> outcome(call.getArgument(1)));
		Document english = page(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("host", "db1.example")
			.param("port", "3306").param("user", "memplan").param("password", "pw-never-shown").param("hostRam", "16G"));
		String link = languageLink(english, "zh-CN");
		assertThat(link).matches("/live\\?result=[A-Za-z0-9_-]{22}&lang=zh-CN");
		String chinese = this.mvc.perform(get(link)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document page = Jsoup.parse(chinese);
		assertThat(page.select("#live-worst").text()).isEqualTo(english.select("#live-worst").text());
		assertThat(page.select("#host").attr("value")).isEqualTo("db1.example");
		assertThat(chinese).doesNotContain("pw-never-shown");
		verify(this.live, times(1)).probeAndPlan(any(), any());
	}

	@Test
	void aHostCheckIsShownAgainWithoutPastingAgain() throws Exception {
		Document english = page(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("snapshot", HostSnapshots.WORKED_EXAMPLE).param("proposedOomScoreAdj", "-600"));
		String link = languageLink(english, "ja");
		assertThat(link).matches("/host\\?result=[A-Za-z0-9_-]{22}&lang=ja");
		Document japanese = page(get(link));
		assertThat(japanese.select("html").attr("lang")).isEqualTo("ja");
		assertThat(japanese.select("#snapshot").text()).isEqualTo(english.select("#snapshot").text());
		assertThat(japanese.text()).contains("node").contains("-600");
	}

	private static LiveOutcome outcome(PlanQuery host) {
		LiveSnapshot snapshot = new LiveSnapshot("10.11.19-MariaDB", "mariadb.org binary distribution", Map.of("max_connections", "151"),
				Map.of("max_used_connections", "20", "threads_connected", "5"), 700L << 20, List.of(), List.of(), null, null);
		LiveReading reading = LiveReading.of(snapshot, ServerCatalog.standard());
		PlanResult planned = new PlanService().planWith(host.withServer(reading.profile().id()), reading.settings(), List.of(), null,
				reading.maxUsedConnections(), reading.threadsConnected());
		return new LiveOutcome.Planned(planned, reading, LiveFigures.of(planned, reading));
	}

}
