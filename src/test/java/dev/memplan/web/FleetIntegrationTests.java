package dev.memplan.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.app.fleet.FleetSnapshot;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.support.LocalMariaDb;
import dev.memplan.support.PrometheusText;
import dev.memplan.support.SilentServer;
import dev.memplan.support.SpareMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fleet against real parts: the local MariaDB (defaults: FITS on a 256 GiB host; since the measured
 * ceiling of issue 16, TIGHT on 16 GiB), a throw-away mariadbd
 * on port 18306 with max_connections = 3000 (OVERCOMMITTED on the same 16 GiB), a closed port and a
 * port that accepts and never answers. Through the API and the Prometheus scrape, parsed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIntegrationTests {

	private static final int SPARE_PORT = 18306;

	private static SpareMariaDb spare;

	private static SilentServer silent;

	private static int closed;

	private static Path inventory;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FleetScanner scanner;

	@BeforeAll
	static void startServers() throws Exception {
		LocalMariaDb.createProbeUser();
		spare = SpareMariaDb.start(SPARE_PORT, List.of("--max-connections=3000"));
		silent = new SilentServer();
		try (ServerSocket free = new ServerSocket(0)) {
			closed = free.getLocalPort();
		}
		Path dir = Files.createTempDirectory("memplan-fleet-it");
		Path secret = dir.resolve("probe.pw");
		Files.writeString(secret, LocalMariaDb.PASSWORD + "\n");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
		inventory = Files.writeString(dir.resolve("fleet.yml"), """
				defaults: {user: %s, passwordFile: probe.pw, hostRam: 16G, labels: {env: test}}
				targets:
				  - {name: local, host: 127.0.0.1, port: 3306, hostRam: 256G, labels: {role: primary}}
				  - {name: spare, host: 127.0.0.1, port: %d, labels: {role: replica}}
				  - {name: closed, host: 127.0.0.1, port: %d}
				  - {name: silent, host: 127.0.0.1, port: %d, connectTimeout: 1s, socketTimeout: 1s, deadline: 2s}
				""".formatted(LocalMariaDb.USER, SPARE_PORT, closed, silent.port()));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("memplan.fleet.inventory", () -> inventory.toString());
		registry.add("memplan.fleet.concurrency", () -> "4");
	}

	@AfterAll
	static void stopServers() throws IOException {
		if (spare != null) {
			spare.close();
		}
		if (silent != null) {
			silent.close();
		}
	}

	private FleetSnapshot awaitScan() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while ((this.scanner.snapshot().scanning() || this.scanner.snapshot().scannedAt() == null) && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		return this.scanner.snapshot();
	}

	@Test
	@Order(1)
	void plansBothServersAndSaysWhyTheOthersAreDownWithinTheirTimeouts() throws Exception {
		FleetSnapshot snapshot = awaitScan();
		// the silent target ends at its 2 s deadline; nothing else waits for it
		assertThat(snapshot.lastScanDuration()).isLessThan(Duration.ofSeconds(6));
		this.mvc.perform(get("/api/v1/fleet"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.targets[0].name").value("local"))
			.andExpect(jsonPath("$.targets[0].up").value(true))
			.andExpect(jsonPath("$.targets[0].server").value("mariadb-10.11"))
			.andExpect(jsonPath("$.targets[0].verdict").value("FITS"))
			.andExpect(jsonPath("$.targets[0].measuredBytes").isNumber())
			.andExpect(jsonPath("$.targets[0].overByBytes").value(0))
			.andExpect(jsonPath("$.targets[1].name").value("spare"))
			.andExpect(jsonPath("$.targets[1].up").value(true))
			.andExpect(jsonPath("$.targets[1].verdict").value("OVERCOMMITTED"))
			.andExpect(jsonPath("$.targets[1].headroomBytes").value(0))
			.andExpect(jsonPath("$.targets[2].errorKind").value("REFUSED"))
			.andExpect(jsonPath("$.targets[2].error").value("Nothing accepts connections at 127.0.0.1:" + closed + "."))
			.andExpect(jsonPath("$.targets[3].errorKind").value("TIMED_OUT"));
		TargetStatus spareStatus = snapshot.target("spare").orElseThrow();
		assertThat(spareStatus.plan().budget().connectionSlots()).isEqualTo(3001); // max_connections + 1
		assertThat(spareStatus.plan().overByBytes())
			.isEqualTo(spareStatus.plan().budget().worstCaseBytes() - spareStatus.plan().budget().budgetLimitBytes());
		this.mvc.perform(get("/api/v1/fleet/spare"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.connectionSlots").value(3001))
			.andExpect(jsonPath("$.variables.max_connections.origin").value("live"))
			.andExpect(jsonPath("$.live.flavor").value("MariaDB"));
		String json = this.mvc.perform(get("/api/v1/fleet")).andReturn().getResponse().getContentAsString();
		assertThat(json).doesNotContain(LocalMariaDb.PASSWORD).doesNotContain("probe.pw");
	}

	@Test
	@Order(2)
	void exportsTheFiguresToPrometheus() throws Exception {
		FleetSnapshot snapshot = awaitScan();
		String text = this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		PrometheusText metrics = PrometheusText.parse(text);
		var local = snapshot.target("local").orElseThrow().plan().budget();
		assertThat(metrics.value("memplan_worst_case_bytes", Map.of("target", "local", "env", "test", "role", "primary")))
			.contains((double) local.worstCaseBytes());
		assertThat(metrics.value("memplan_budget_limit_bytes", Map.of("target", "local"))).contains((double) local.budgetLimitBytes());
		assertThat(metrics.value("memplan_headroom_bytes", Map.of("target", "local")))
			.contains((double) (local.budgetLimitBytes() - local.worstCaseBytes()));
		assertThat(metrics.value("memplan_verdict", Map.of("target", "local", "verdict", "FITS"))).contains(1.0);
		assertThat(metrics.value("memplan_verdict", Map.of("target", "spare", "verdict", "OVERCOMMITTED"))).contains(1.0);
		assertThat(metrics.value("memplan_verdict", Map.of("target", "spare", "verdict", "FITS"))).contains(0.0);
		assertThat(metrics.value("memplan_headroom_bytes", Map.of("target", "spare"))).hasValueSatisfying((v) -> assertThat(v).isNegative());
		assertThat(metrics.value("memplan_target_up", Map.of("target", "local"))).contains(1.0);
		assertThat(metrics.value("memplan_target_up", Map.of("target", "closed", "role", ""))).contains(0.0);
		assertThat(metrics.value("memplan_measured_bytes", Map.of("target", "local"))).hasValueSatisfying((v) -> assertThat(v).isPositive());
		assertThat(metrics.value("memplan_fleet_scan_duration_seconds", Map.of())).hasValueSatisfying((v) -> assertThat(v).isBetween(0.0, 6.0));
		assertThat(text).doesNotContain(LocalMariaDb.PASSWORD);
	}

	@Test
	@Order(3)
	void aServerThatStopsKeepsItsPlanMarkedStaleWithTheReason() throws Exception {
		awaitScan();
		spare.close();
		spare = null;
		this.mvc.perform(post("/api/v1/fleet/scan")).andExpect(status().isAccepted());
		FleetSnapshot snapshot = awaitScan();
		TargetStatus stopped = snapshot.target("spare").orElseThrow();
		assertThat(stopped.up()).isFalse();
		assertThat(stopped.stale()).isTrue();
		assertThat(stopped.errorKind()).isEqualTo("REFUSED");
		assertThat(stopped.plan().budget().connectionSlots()).isEqualTo(3001);
		this.mvc.perform(get("/api/v1/fleet"))
			.andExpect(jsonPath("$.targets[1].stale").value(true))
			.andExpect(jsonPath("$.targets[1].verdict").value("OVERCOMMITTED"))
			.andExpect(jsonPath("$.targets[1].error").value("Nothing accepts connections at 127.0.0.1:" + SPARE_PORT + "."));
	}

}
