package dev.memplan.web.live;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** memplan.live.enabled=false: /live says why in its own language; the API keeps English. */
@SpringBootTest(properties = "memplan.live.enabled=false")
@AutoConfigureMockMvc
class LiveSwitchedOffPageTests {

	@Autowired
	private MockMvc mvc;

	private String reason(String lang) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/live").param("lang", lang)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).select("#live-off-reason").text();
	}

	@Test
	void saysWhyTheProbeIsOffInEveryLanguage() throws Exception {
		assertThat(reason("en")).isEqualTo("Connecting to live servers is switched off here (memplan.live.enabled=false).");
		assertThat(reason("zh-CN")).isEqualTo("此处已关闭在线服务器连接（memplan.live.enabled=false）。");
		assertThat(reason("ja")).isEqualTo("ここでは稼働中のサーバーへの接続が無効になっています（memplan.live.enabled=false）。");
	}

	@Test
	void theApiKeepsEnglish() throws Exception {
		this.mvc.perform(post("/api/v1/live").header("Accept-Language", "ja").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"127.0.0.1\",\"user\":\"u\",\"hostRam\":\"16G\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Connecting to live servers is switched off here (memplan.live.enabled=false)."));
	}

}
