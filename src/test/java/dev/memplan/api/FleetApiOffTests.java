package dev.memplan.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without memplan.fleet.inventory the fleet is off, and says how to switch it on. */
@SpringBootTest
@AutoConfigureMockMvc
class FleetApiOffTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void answersEveryFleetRequestWithTheSameProblem() throws Exception {
		for (var request : new org.springframework.test.web.servlet.RequestBuilder[] { get("/api/v1/fleet"), get("/api/v1/fleet/db1"),
				post("/api/v1/fleet/scan") }) {
			this.mvc.perform(request)
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://memplan.dev/problems/fleet/fleet-off"))
				.andExpect(jsonPath("$.detail").value("This memplan watches no fleet: set memplan.fleet.inventory to an inventory file."));
		}
	}

}
