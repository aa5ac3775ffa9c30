package dev.memplan.web;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.support.FakeMySqlServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The live probe is no weapon for another web site, nor for a rebinding DNS name; its answers are not cached. */
@SpringBootTest
@AutoConfigureMockMvc
class LocalOriginFilterTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesACrossSiteFormPostToLiveWithoutConnecting() throws Exception {
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Plain("8.0.36"))) {
			this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Origin", "http://evil.example")
					.header("Sec-Fetch-Site", "cross-site").param("host", "127.0.0.1").param("port", Integer.toString(server.port()))
					.param("user", "u").param("hostRam", "16G"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Origin", "http://evil.example")
					.param("host", "127.0.0.1").param("port", Integer.toString(server.port())).param("user", "u").param("hostRam", "16G"))
				.andExpect(status().isForbidden());
			assertThat(server.connections()).isZero();
		}
	}

	@Test
	void acceptsAPostFromItsOwnPages() throws Exception {
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Plain("8.0.36"))) {
			this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Origin", "http://localhost")
					.header("Sec-Fetch-Site", "same-origin").param("host", "127.0.0.1").param("port", Integer.toString(server.port()))
					.param("user", "u").param("hostRam", "16G"))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store"));
			assertThat(server.connections()).isEqualTo(1);
		}
	}

	@Test
	void refusesARequestForAnotherHostNameWhileOnLoopback() throws Exception {
		// a page on evil.example whose DNS name now points at 127.0.0.1
		this.mvc.perform(get("/live").header("Host", "evil.example:8080")).andExpect(status().is(421));
		this.mvc.perform(get("/live").header("Host", "localhost:8080")).andExpect(status().isOk());
		this.mvc.perform(get("/").header("Host", "[::1]:8080")).andExpect(status().isOk());
	}

	@Nested
	@SpringBootTest(properties = "server.address=0.0.0.0")
	@AutoConfigureMockMvc
	class ListeningOnEveryInterfaceWithoutAnAllowList {

		@Autowired
		private MockMvc mvc;

		@Test
		void switchesTheProbeOffAndSaysWhy() throws Exception {
			this.mvc.perform(get("/live").header("Host", "memplan.example"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("memplan.live.allowed-hosts is empty")));
			this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
					.content("{\"host\":\"127.0.0.1\",\"user\":\"u\",\"hostRam\":\"16G\"}"))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("allowed-hosts is empty")));
		}

		@Test
		void saysWhyInThePagesLanguage() throws Exception {
			this.mvc.perform(get("/live").param("lang", "zh-CN").header("Host", "memplan.example"))
				.andExpect(content().string(containsString("在线服务器连接已关闭：memplan 监听在 0.0.0.0 上，而 memplan.live.allowed-hosts 为空。")));
			this.mvc.perform(get("/live").param("lang", "ja").header("Host", "memplan.example"))
				.andExpect(content().string(containsString("稼働中のサーバーへの接続は無効です：memplan は 0.0.0.0 で待ち受けていますが、")));
		}

	}

}
