package dev.memplan.web.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.app.LiveFigures;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.app.PlanQuery;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Severity;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;
import dev.memplan.livereading.ProjectionCalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A MySQL 8.0.31 server whose memory cap closed every client connection (the matrix's capped
 * multitemp rows): no marks of open connections, and the largest session since start-up, 20 MiB, reached
 * connection_memory_limit, 8 MiB: the page and the API project every connection at half the cap, and say so.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LiveProjectionBasisTests {

	private static final long MIB = 1024 * 1024;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LivePlanService live;

	@BeforeEach
	void closedConnections() {
		when(this.live.isEnabled()).thenReturn(true);
		when(this.live.probeAndPlan(any(), any())).thenAnswer((call) -> outcome(call.getArgument(1)));
	}

	/**
	 * The largest session reached the cap: each connection counts at half of it, 4 MiB, not at the 20 MiB
	 * session, plus what a MySQL connection holds beyond its mark.
	 */
	private static long perConnection() {
		ProjectionCalibration.MySqlBase base = ProjectionCalibration.standard().mySqlBase();
		return 4 * MIB + ((base != null) ? base.untrackedPerConnectionBytes() : 0);
	}

	/** MySQL's own base for the server's 128 MiB pool, or memory-terms' where none is measured. */
	private static long serverBase() {
		ProjectionCalibration.MySqlBase base = ProjectionCalibration.standard().mySqlBase();
		return (base != null) ? base.serverBytes(134217728L) : MemoryTerms.standard().serverBaseBytes();
	}

	@Test
	void theApiSaysWhoseMarkTheProjectionTook() throws Exception {
		this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"db1.example\",\"port\":3306,\"user\":\"memplan\",\"password\":\"x\",\"hostRam\":\"16G\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.live.observed.connections").value(0))
			.andExpect(jsonPath("$.live.observed.typicalConnectionBytes").doesNotExist())
			.andExpect(jsonPath("$.live.observed.largestSessionEverBytes").value(20 * MIB))
			.andExpect(jsonPath("$.live.observed.projectionBasis").value("CONNECTION_MEMORY_LIMIT"))
			.andExpect(jsonPath("$.live.observed.projectedPerConnectionBytes").value(perConnection()))
			.andExpect(jsonPath("$.live.observed.serverBaseBytes").value(serverBase()));
	}

	@Test
	void thePageShowsTheLargestSessionInsteadOfTheTypicalConnection() throws Exception {
		String html = this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("host", "db1.example")
				.param("port", "3306").param("user", "memplan").param("password", "x").param("hostRam", "16G"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"observed-largest-ever\"", "Largest session since start-up", ByteSize.formatApproximate(20 * MIB))
			.contains("id=\"projected-max-used\"", "id=\"projected-max-connections\"")
			.doesNotContain("id=\"observed-typical\"")
			// the note says where the figure came from, and what the cap changes
			.contains("performance_schema.accounts.MAX_SESSION_TOTAL_MEMORY", "it errs high", "half the cap");
	}

	private static LiveOutcome outcome(PlanQuery host) {
		ObservedPeaks observed = new ObservedPeaks(null, 0, null, null, 20 * MIB, null,
				List.of(Diagnostic.of(DiagnosticCode.OBSERVED_FROM_LARGEST_SESSION_EVER, Severity.INFO,
						"performance_schema.threads.MAX_TOTAL_MEMORY")));
		LiveSnapshot snapshot = new LiveSnapshot("8.0.31", "MySQL Community Server - GPL",
				Map.of("max_connections", "100", "connection_memory_limit", Long.toString(8 * MIB), "innodb_buffer_pool_size", "134217728"),
				Map.of("max_used_connections", "101", "threads_connected", "1"), null, List.of(), List.of(), null, observed);
		LiveReading reading = LiveReading.of(snapshot, ServerCatalog.standard());
		PlanResult planned = new PlanService().planWith(host.withServer(reading.profile().id()), reading.settings(), List.of(), null,
				reading.maxUsedConnections(), reading.threadsConnected());
		return new LiveOutcome.Planned(planned, reading, LiveFigures.of(planned, reading));
	}

}
