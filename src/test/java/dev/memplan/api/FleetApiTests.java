package dev.memplan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.support.PrometheusText;
import dev.memplan.support.SilentServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fleet API over two loopback targets that never plan: a closed port and a port that never answers. */
@SpringBootTest
@AutoConfigureMockMvc
class FleetApiTests {

	private static final SilentServer SILENT;

	private static final int CLOSED;

	static {
		try {
			SILENT = new SilentServer();
			try (ServerSocket free = new ServerSocket(0)) {
				CLOSED = free.getLocalPort(); // free, then closed: nothing listens there
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FleetScanner scanner;

	@DynamicPropertySource
	static void inventory(DynamicPropertyRegistry registry) throws IOException {
		Path file = Files.createTempFile("fleet", ".yml");
		Files.writeString(file, """
				defaults: {user: memplan, hostRam: 16G, labels: {env: test}}
				targets:
				  - {name: closed, host: 127.0.0.1, port: %d}
				  - {name: silent, host: 127.0.0.1, port: %d, connectTimeout: 500ms, socketTimeout: 500ms, labels: {env: lab, rack: r2}}
				""".formatted(CLOSED, SILENT.port()));
		registry.add("memplan.fleet.inventory", file::toString);
	}

	@AfterAll
	static void stop() throws IOException {
		SILENT.close();
	}

	private void awaitIdle() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while ((this.scanner.snapshot().scanning() || this.scanner.snapshot().scannedAt() == null) && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(this.scanner.snapshot().scanning()).isFalse();
	}

	@Test
	void listsEveryTargetDownWithItsReason() throws Exception {
		awaitIdle();
		this.mvc.perform(get("/api/v1/fleet"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scanning").value(false))
			.andExpect(jsonPath("$.scannedAt").isString())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.targets[0].name").value("closed"))
			.andExpect(jsonPath("$.targets[0].labels.env").value("test"))
			.andExpect(jsonPath("$.targets[0].port").value(CLOSED))
			.andExpect(jsonPath("$.targets[0].up").value(false))
			.andExpect(jsonPath("$.targets[0].stale").value(false))
			.andExpect(jsonPath("$.targets[0].errorKind").value("REFUSED"))
			.andExpect(jsonPath("$.targets[0].error").value("Nothing accepts connections at 127.0.0.1:" + CLOSED + "."))
			.andExpect(jsonPath("$.targets[0].hostRamBytes").value(17179869184L)) // 16 GiB
			.andExpect(jsonPath("$.targets[0].worstCaseBytes").isEmpty())
			.andExpect(jsonPath("$.targets[1].name").value("silent"))
			.andExpect(jsonPath("$.targets[1].labels.rack").value("r2"))
			.andExpect(jsonPath("$.targets[1].errorKind").value("TIMED_OUT"));
	}

	@Test
	void exportsEveryTargetToPrometheusWithItsLabels() throws Exception {
		awaitIdle();
		String text = this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		PrometheusText metrics = PrometheusText.parse(text);
		// every series carries every inventory label key, empty where the target has none
		assertThat(metrics.value("memplan_target_up", Map.of("target", "closed", "env", "test"))).contains(0.0);
		assertThat(metrics.named("memplan_target_up")).extracting(PrometheusText.Sample::labels)
			.allMatch((labels) -> labels.keySet().containsAll(List.of("target", "env", "rack")));
		assertThat(metrics.value("memplan_target_up", Map.of("target", "silent", "env", "lab", "rack", "r2"))).contains(0.0);
		assertThat(metrics.value("memplan_host_ram_bytes", Map.of("target", "closed"))).contains(17179869184.0); // 16 GiB
		// never answered: no figures
		assertThat(metrics.value("memplan_worst_case_bytes", Map.of("target", "closed"))).hasValueSatisfying(
				(value) -> assertThat(value).isNaN());
		assertThat(metrics.named("memplan_verdict")).hasSize(6); // 2 targets × FITS, TIGHT, OVERCOMMITTED
		assertThat(metrics.named("memplan_fleet_scan_duration_seconds")).singleElement()
			.satisfies((sample) -> assertThat(sample.value()).isBetween(0.0, 10.0));
		assertThat(metrics.value("memplan_fleet_last_scan_timestamp_seconds", Map.of()))
			.contains(this.scanner.snapshot().scannedAt().toEpochMilli() / 1e3);
		assertThat(metrics.value("memplan_fleet_scan_interval_seconds", Map.of())).contains(300.0); // memplan.fleet.interval's 5m
		assertThat(text).doesNotContain("memplan_probe").doesNotContain("127.0.0.1");
	}

	/** Every series a shipped alert rule reads is in a real scrape: a misspelt or renamed metric makes an alert that never fires. */
	@Test
	void everyMetricTheAlertRulesReadIsExported() throws Exception {
		awaitIdle();
		PrometheusText metrics = PrometheusText.parse(this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		Set<String> read = metricsReadBy(Path.of("docs/prometheus/memplan-alerts.yml"));
		// the extraction itself: the rules' own metrics, and nothing of PromQL's (functions, keywords, labels, durations)
		assertThat(read).containsExactlyInAnyOrder("memplan_verdict", "memplan_target_up", "memplan_headroom_bytes",
				"memplan_budget_limit_bytes", "memplan_fleet_last_scan_timestamp_seconds", "memplan_fleet_scan_interval_seconds",
				"process_start_time_seconds");
		assertThat(read).allSatisfy((name) -> assertThat(metrics.named(name)).as(name + " in /actuator/prometheus").isNotEmpty());
	}

	@Test
	void theRuleExtractionSeesAMetricThatIsNotExported() throws IOException {
		Path rules = Files.createTempFile("memplan-alerts", ".yml");
		Files.writeString(rules, """
				groups:
				  - name: t
				    rules:
				      - alert: A
				        expr: memplan_worst_case_byte{verdict="FITS"} > on(target) group_left sum by (target) (rate(memplan_host_ram_bytes[5m] offset 1h))
				""");
		assertThat(metricsReadBy(rules)).containsExactlyInAnyOrder("memplan_worst_case_byte", "memplan_host_ram_bytes");
	}

	/** The metric names in every {@code expr:} of a rules file (one-line or folded). */
	static Set<String> metricsReadBy(Path rules) throws IOException {
		Set<String> keywords = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
				"offset", "inf", "nan");
		Set<String> names = new java.util.TreeSet<>();
		List<String> lines = Files.readAllLines(rules);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!line.strip().startsWith("expr:")) {
				continue;
			}
			StringBuilder expr = new StringBuilder(line.strip().substring("expr:".length()));
			int indent = line.indexOf("expr:");
			// a folded expr (>-, |) goes on while the lines are indented deeper than "expr:"
			while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || lines.get(i + 1).indexOf(lines.get(i + 1).strip()) > indent)) {
				expr.append(' ').append(lines.get(++i).strip());
			}
			String text = expr.toString()
				.replaceAll("\\{[^}]*\\}", " ") // label matchers
				.replaceAll("\\[[^\\]]*\\]", " ") // range selectors
				.replaceAll("\"[^\"]*\"", " ")
				.replaceAll("(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
			java.util.regex.Matcher token = java.util.regex.Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*)(\\s*\\()?").matcher(text);
			while (token.find()) {
				if (token.group(2) == null && !keywords.contains(token.group(1).toLowerCase(java.util.Locale.ROOT))) {
					names.add(token.group(1));
				}
			}
		}
		return names;
	}

	@Test
	void exposesOnlyHealthAndPrometheus() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/beans")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/metrics")).andExpect(status().isNotFound());
	}

	@Test
	void oneTargetWithoutAPlanIsAProblemDocument() throws Exception {
		awaitIdle();
		this.mvc.perform(get("/api/v1/fleet/closed"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://memplan.dev/problems/fleet/no-plan-yet"))
			.andExpect(jsonPath("$.kind").value("REFUSED"))
			.andExpect(jsonPath("$.detail").value(startsWith("The target has not answered yet: Nothing accepts connections")));
		this.mvc.perform(get("/api/v1/fleet/db9"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://memplan.dev/problems/fleet/unknown-target"));
	}

	@Test
	void startsAScanOnDemandAndRefusesASecondWhileItRuns() throws Exception {
		awaitIdle();
		this.mvc.perform(post("/api/v1/fleet/scan"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/fleet"))
			.andExpect(jsonPath("$.scanning").value(true));
		// the silent target holds this scan for its 1 s deadline plus 1 s of grace
		this.mvc.perform(post("/api/v1/fleet/scan"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://memplan.dev/problems/fleet/scan-running"));
		this.mvc.perform(get("/api/v1/fleet")).andExpect(jsonPath("$.scanning").value(true));
		awaitIdle();
	}

}
