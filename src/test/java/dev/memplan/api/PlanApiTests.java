package dev.memplan.api;

import org.junit.jupiter.api.Test;

import dev.memplan.support.ExpectedBudget;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PlanApiTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void plansTheIssuesExampleRequest() throws Exception {
		String body = """
				{"server":"mysql-8.0","hostRam":"16G","variables":{"max_connections":"500"},
				 "expectedConnections":120,"mysqlShare":0.85,"reservedForOtherProcesses":"0"}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.server").value("mysql-8.0"))
			.andExpect(jsonPath("$.hostRamBytes").value(17179869184L))
			// global: 128M pool + 5 % + 16M log + 8M key + P_S at 500 connections + 1G TempTable + open tables
			// + 1G mapped overflow (ExpectedBudget)
			.andExpect(jsonPath("$.totals.globalBytes").value(ExpectedBudget.mysql80GlobalAt500()))
			.andExpect(jsonPath("$.totals.perConnectionBytes").value(ExpectedBudget.mysql80PerConnection()))
			.andExpect(jsonPath("$.totals.connectionSlots").value(501))
			.andExpect(jsonPath("$.totals.worstCaseBytes").value(ExpectedBudget.mysql80GlobalAt500() + 501 * ExpectedBudget.mysql80PerConnection()))
			// the model's (docs/memory-model.md#totals) nominal figure: 120 × the named buffers (2,064,384), without the mapped overflow
			.andExpect(jsonPath("$.totals.expectedPeakBytes").value(ExpectedBudget.mysql80GlobalAt500() - ExpectedBudget.mysql80MappedOverflow() + 120 * 2064384L))
			.andExpect(jsonPath("$.totals.expectedPeak.highBytes").value(ExpectedBudget.mysql80GlobalAt500() + 120 * ExpectedBudget.mysql80PerConnection()))
			.andExpect(jsonPath("$.totals.budgetLimitBytes").value(14602888806L))
			// 14602888806 − the worst case (ExpectedBudget)
			.andExpect(jsonPath("$.totals.headroomBytes").value(14602888806L - ExpectedBudget.mysql80GlobalAt500() - 501 * ExpectedBudget.mysql80PerConnection()))
			.andExpect(jsonPath("$.totals.overByBytes").value(0))
			.andExpect(jsonPath("$.verdict").value("FITS"))
			.andExpect(jsonPath("$.lineItems[0].term").value("InnoDB buffer pool"))
			.andExpect(jsonPath("$.lineItems[0].scope").value("GLOBAL"))
			.andExpect(jsonPath("$.lineItems[1].estimate").value(true))
			.andExpect(jsonPath("$.variables.max_connections.value").value("500"))
			.andExpect(jsonPath("$.variables.max_connections.origin").value("input"))
			.andExpect(jsonPath("$.variables.sort_buffer_size.origin").value("default for mysql-8.0"))
			.andExpect(jsonPath("$.recommendation.tier.instanceClass").value("db.m1.xlarge"))
			.andExpect(jsonPath("$.recommendation.poolRatio").value(0.73))
			// 73 % of 16 GiB laid out as 4 × 128 MiB chunks: 11,776 MiB (BufferPoolAdvisorTests)
			.andExpect(jsonPath("$.recommendation.bufferPoolBytes").value(11776L << 20))
			.andExpect(jsonPath("$.recommendation.poolRule").value("TIER_RATIO"))
			.andExpect(jsonPath("$.recommendation.reserveBytes").doesNotExist())
			.andExpect(jsonPath("$.recommendation.maxConnectionsThatFit").value(ExpectedBudget.mysql80ConnectionsThatFitOn16GiB()))
			// the snippet carries the solver's chosen option: the 500 connections kept, the pool's layout written
			.andExpect(jsonPath("$.recommendation.mycnf").value(containsString("max_connections = 500")))
			.andExpect(jsonPath("$.recommendation.mycnf").value(containsString("innodb_buffer_pool_instances = ")))
			.andExpect(jsonPath("$.permalink").value("/?server=mysql-8.0&hostRam=16G&expectedConnections=120&mysqlShare=0.85&reservedForOtherProcesses=0&max_connections=500"));
	}

	@Test
	void saysHowFarOverTheLimitAndWhatToChangeFirst() throws Exception {
		// stock MariaDB 10.11 on 8 GiB: the ceiling (ExpectedBudget, about 15.7 GiB) passes the limit
		// floor(0.85 × 8 GiB) = 7301444403; tmp_table_size to its 4M floor saves what a connection holds less
		// with 4M temp tables (every temp table of a statement, and glibc's slack on them) at each of the 152 slots
		long worst = ExpectedBudget.mariadb1011WorstCase();
		long saves = 152 * (ExpectedBudget.mariadb1011PerConnection() - ExpectedBudget.mariadb1011PerConnection(4 << 20));
		String body = """
				{"server":"mariadb-10.11","hostRam":"8G"}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.worstCaseBytes").value(worst))
			.andExpect(jsonPath("$.totals.overByBytes").value(worst - 7301444403L))
			.andExpect(jsonPath("$.totals.headroomBytes").value(0))
			.andExpect(jsonPath("$.levers[0].variable").value("tmp_table_size"))
			.andExpect(jsonPath("$.levers[0].from").value(16777216))
			.andExpect(jsonPath("$.levers[0].to").value(4194304))
			.andExpect(jsonPath("$.levers[0].savesBytes").value(saves))
			.andExpect(jsonPath("$.solution.mustServeConnections").value(151))
			.andExpect(jsonPath("$.solution.chosen.option").value("KEEP_CONNECTIONS"))
			.andExpect(jsonPath("$.solution.chosen.maxConnections").value(151))
			.andExpect(jsonPath("$.solution.chosen.verdict").value("FITS"))
			.andExpect(jsonPath("$.solution.chosen.values.max_heap_table_size").value(4194304))
			.andExpect(jsonPath("$.solution.alternatives[0].option").value("KEEP_POOL"));
	}

	@Test
	void reportsWarningsWithCodeSeverityVariableAndOrigin() throws Exception {
		String body = """
				{"server":"mariadb-10.11","hostRam":"8G","variables":{"read_buffer_size":"100000"}}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.read_buffer_size.bytes").value(98304))
			.andExpect(jsonPath("$.warnings[0].code").value("VALUE_ADJUSTED"))
			.andExpect(jsonPath("$.warnings[0].severity").value("WARNING"))
			.andExpect(jsonPath("$.warnings[0].variable").value("read_buffer_size"))
			.andExpect(jsonPath("$.warnings[0].origin").value("input"));
	}

	@Test
	void listsEachBadFieldInAProblemDocument() throws Exception {
		String body = """
				{"server":"mysql-9.9","hostRam":"lots","mysqlShare":"150%","variables":{"sort_buffer_size":"1.5G"}}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://memplan.dev/problems/invalid-input"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("server")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("hostRam")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("mysqlShare")));
	}

	@Test
	void namesABadVariableWithTheServersReason() throws Exception {
		String body = """
				{"server":"mysql-8.0","hostRam":"16G","variables":{"sort_buffer_size":"1.5G","query_cache_size":"1M"}}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field=='sort_buffer_size')].message")
				.value(hasItem("sort_buffer_size: '1.5G' is not a valid size: unknown suffix '.' (the server accepts K, M, G, T, P or E after a whole number).")))
			.andExpect(jsonPath("$.errors[?(@.field=='query_cache_size')].message")
				.value(hasItem("query_cache_size does not exist on MySQL 8.0.")));
	}

	@Test
	void answersMalformedJsonWithAProblemAndNoInternals() throws Exception {
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content("{\"server\": [1,2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"))
			.andExpect(content().string(not(containsString("tools.jackson"))))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void refusesABodyOverTheLimitWith413() throws Exception {
		String huge = "{\"server\":\"" + "x".repeat(1_100_000) + "\"}";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(huge))
			.andExpect(status().is(413))
			.andExpect(jsonPath("$.status").value(413));
	}

	@Test
	void answersAnUnsupportedMediaTypeWithAProblem() throws Exception {
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_XML).content("<plan/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.status").value(415));
	}

}
