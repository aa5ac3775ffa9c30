package dev.memplan.web.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.memplan.support.FakeMySqlServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the live endpoints answer over HTTP when the server on the other end misbehaves or the probes
 * are all taken (issue 13): a fake server on loopback, one probe at a time, a 3 s deadline.
 */
@SpringBootTest(properties = { "memplan.live.max-concurrent=1", "memplan.live.deadline=3s" })
@AutoConfigureMockMvc
class LiveAnswersTests {

	@Autowired
	private MockMvc mvc;

	private static String body(FakeMySqlServer server) {
		return "{\"host\":\"127.0.0.1\",\"port\":" + server.port() + ",\"user\":\"memplan\",\"password\":\"s3cret-pw\",\"hostRam\":\"16G\"}";
	}

	@Test
	void aProbeBeyondTheConcurrentBoundIsTurnedAwayAtOnceWith503() throws Exception {
		try (FakeMySqlServer silent = new FakeMySqlServer(new FakeMySqlServer.Silent());
				FakeMySqlServer other = new FakeMySqlServer(new FakeMySqlServer.Plain("8.0.36"))) {
			// the one probe allowed (memplan.live.max-concurrent=1) waits on a server that never greets
			CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> {
				try {
					return this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON).content(body(silent))).andReturn();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			long waited = 0;
			while (silent.connections() == 0 && waited < 5_000) {
				Thread.sleep(20);
				waited += 20;
			}
			assertThat(silent.connections()).as("the first probe reached the silent server").isEqualTo(1);

			long start = System.nanoTime();
			this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON).content(body(other)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(containsString("memplan.live.max-concurrent")))
				.andExpect(content().string(not(containsString("s3cret-pw"))));
			this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("host", "127.0.0.1")
					.param("port", Integer.toString(other.port())).param("user", "memplan").param("password", "s3cret-pw")
					.param("hostRam", "16G"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().string(not(containsString("s3cret-pw"))));
			long millis = (System.nanoTime() - start) / 1_000_000;
			// at once: neither waited for the busy probe's 3 s deadline, and neither connected
			assertThat(millis).isLessThan(2_000);
			assertThat(other.connections()).isZero();

			MvcResult ended = first.get(10, TimeUnit.SECONDS);
			assertThat(ended.getResponse().getStatus()).as("the held probe ends at its deadline, not in 5xx").isEqualTo(504);
		}
	}

	@Test
	void aServerReportingAnAbsurdVersionIsPlannedWithANoteNotA500() throws Exception {
		// issue 13, item 8: version 99999999999.0.1 from a live server (it would overflow an int); the server
		// answered, so memplan plans what it read with the nearest profile and says so
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Plain("99999999999.0.1"))) {
			this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON).content(body(server)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.server").value("mysql-8.0"))
				.andExpect(jsonPath("$.live.version").value("99999999999.0.1"))
				.andExpect(jsonPath("$.warnings[0].code").value("VERSION_UNKNOWN"))
				.andExpect(jsonPath("$.warnings[0].message")
					.value("The server's version '99999999999.0.1' is not one memplan knows; it is planned as MySQL 8.0."))
				// read from the fake: max_connections 151 and a 128 MiB pool, not defaults
				.andExpect(jsonPath("$.variables.max_connections.origin").value("live"))
				.andExpect(jsonPath("$.variables.innodb_buffer_pool_size.bytes").value(134217728))
				.andExpect(content().string(not(containsString("s3cret-pw"))));
		}
	}

	@Test
	void aPlanAnsweredByTheApiIsNotCached() throws Exception {
		// a real answer (200), not a 405 from a GET: the header is on what a cache would keep
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content("{\"hostRam\":\"16G\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("\"worstCaseBytes\"")));
	}

}
