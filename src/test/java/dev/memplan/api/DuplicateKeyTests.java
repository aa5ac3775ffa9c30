package dev.memplan.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A key given twice in a request body is refused, named, instead of the last one silently winning (issue 13). */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateKeyTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesATopLevelKeyGivenTwiceAndNamesIt() throws Exception {
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content("{\"hostRam\":\"16G\",\"hostRam\":\"8G\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Duplicate key"))
			.andExpect(jsonPath("$.detail").value(containsString("\"hostRam\"")))
			.andExpect(jsonPath("$.errors[0].field").value("hostRam"))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void refusesANestedKeyGivenTwice() throws Exception {
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON)
				.content("{\"hostRam\":\"16G\",\"variables\":{\"max_connections\":\"10\",\"max_connections\":\"900\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("max_connections"));
	}

	@Test
	void refusesItOnEveryJsonEndpoint() throws Exception {
		this.mvc.perform(post("/api/v1/host").contentType(MediaType.APPLICATION_JSON).content("{\"snapshot\":\"a\",\"snapshot\":\"b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("snapshot"));
		this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"127.0.0.1\",\"host\":\"db.example\",\"hostRam\":\"8G\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("host"));
	}

	@Test
	void keepsKeysThatDifferOnlyInCaseOrDepthApart() throws Exception {
		// the same name at two depths, or in two objects, is no duplicate
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON)
				.content("{\"hostRam\":\"16G\",\"variables\":{\"max_connections\":\"100\"},\"files\":{\"a.cnf\":\"[mysqld]\\nmax_connections=100\\n\"}}"))
			.andExpect(status().isOk());
	}

}
