package dev.memplan.web.live;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.support.LocalMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The password of a live connection reaches no log, no page, no JSON and no permalink: every
 * response and all captured output (with debug logging on for the web layer and the driver) are
 * searched for it, on success and on each kind of failure.
 */
@SpringBootTest(properties = { "logging.level.org.springframework.web=DEBUG", "logging.level.com.mysql=DEBUG",
		"logging.level.dev.memplan=DEBUG" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LivePasswordIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@BeforeAll
	static void createUser() throws Exception {
		LocalMariaDb.createProbeUser();
	}

	@Test
	void thePasswordAppearsNowhere(CapturedOutput output) throws Exception {
		List<String> bodies = new ArrayList<>();
		String good = LocalMariaDb.PASSWORD;
		String wrong = "Wrong-Secret-5519";
		for (String password : List.of(good, wrong)) {
			bodies.add(this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"127.0.0.1\",\"user\":\"" + LocalMariaDb.USER + "\",\"password\":\"" + password
						+ "\",\"hostRam\":\"16G\"}"))
				.andReturn().getResponse().getContentAsString());
			bodies.add(this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("host", "127.0.0.1").param("user", LocalMariaDb.USER).param("password", password).param("hostRam", "16G"))
				.andReturn().getResponse().getContentAsString());
			// a bad field and a bad host RAM: the password is in the request and must not come back
			bodies.add(this.mvc.perform(post("/live").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("host", "bad host").param("user", "u").param("password", password).param("hostRam", "16G"))
				.andReturn().getResponse().getContentAsString());
			bodies.add(this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"127.0.0.1\",\"port\":\"1\",\"user\":\"u\",\"password\":\"" + password + "\",\"hostRam\":\"lots\"}"))
				.andReturn().getResponse().getContentAsString());
		}
		assertThat(bodies.get(0)).contains("\"origin\":\"live\""); // the probe really ran
		assertThat(bodies.get(1)).contains("id=\"live-measured\"");
		assertThat(bodies.get(4)).contains("ACCESS_DENIED");
		assertThat(bodies.get(2)).contains("not a host name");
		assertThat(bodies.get(3)).contains("hostRam");
		for (String body : bodies) {
			assertThat(body).doesNotContain(good).doesNotContain(wrong);
		}
		assertThat(output.getAll()).as("logs").doesNotContain(good).doesNotContain(wrong);
	}

}
