package dev.memplan.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void plansFromAPastedMyCnfWithOriginsAndDiagnostics() throws Exception {
		String body = """
				{"server":"mariadb-10.11","hostRam":"16G",
				 "mycnf":"[mysqld]\\njoin_buffer_size = 8M # comment\\nkey_buffer_size = 1.5G\\nread_buffer_size=100000\\n"}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.join_buffer_size.value").value("8M"))
			.andExpect(jsonPath("$.variables.join_buffer_size.origin").value("my.cnf:2"))
			.andExpect(jsonPath("$.variables.read_buffer_size.bytes").value(98304)) // rounded down to 4 KiB blocks
			.andExpect(jsonPath("$.variables.key_buffer_size.origin").value("default for mariadb-10.11"))
			.andExpect(jsonPath("$.warnings[?(@.code=='INVALID_SIZE')].severity").value(hasItem("ERROR")))
			.andExpect(jsonPath("$.warnings[?(@.code=='INVALID_SIZE')].origin").value(hasItem("my.cnf:3")))
			.andExpect(jsonPath("$.warnings[?(@.code=='VALUE_ADJUSTED')].origin").value(hasItem("my.cnf:4")));
	}

	@Test
	void resolvesIncludedirAmongUploadedFilesAndLetsVariablesOverride() throws Exception {
		String body = """
				{"server":"mysql-8.0","hostRam":"16G","variables":{"max_connections":"200"},
				 "files":{"my.cnf":"[mysqld]\\nmax_connections=1000\\n!includedir /etc/mysql/conf.d/\\n",
				          "conf.d/tuning.cnf":"[mysqld]\\nsort_buffer_size=4M\\n"}}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.sort_buffer_size.origin").value("conf.d/tuning.cnf:2"))
			.andExpect(jsonPath("$.variables.max_connections.value").value("200"))
			.andExpect(jsonPath("$.variables.max_connections.origin").value("input"));
	}

	@Test
	void plansEveryMysqldMultiInstanceTheWorstFirst() throws Exception {
		String body = """
				{"server":"mysql-8.0","hostRam":"16G",
				 "mycnf":"[mysqld]\\nsort_buffer_size=1M\\n[mysqld3307]\\nmax_connections=100\\n[mysqld3306]\\ninnodb_buffer_pool_size=12G\\nmax_connections=2000\\n"}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instance").value("mysqld3306"))
			.andExpect(jsonPath("$.verdict").value("OVERCOMMITTED"))
			.andExpect(jsonPath("$.instancePlans[0].instance").value("mysqld3306"))
			.andExpect(jsonPath("$.instancePlans[0].verdict").value("OVERCOMMITTED"))
			.andExpect(jsonPath("$.instancePlans[1].instance").value("mysqld3307"))
			.andExpect(jsonPath("$.instancePlans[1].verdict").value("FITS"))
			.andExpect(jsonPath("$.instancePlans[1].permalink").value(containsString("max_connections=100")))
			.andExpect(jsonPath("$.warnings[0].code").value("INSTANCES_PLANNED"));
	}

	@Test
	void saysWhichFilesWereReadAndWhatBecameOfEachLine() throws Exception {
		String body = """
				{"server":"mysql-8.0","hostRam":"16G",
				 "files":{"my.cnf":"[mysqld]\\n!includedir /etc/mysql/conf.d/\\nmax_connections=1000\\n",
				          "tuning.cnf":"[mysqld]\\nmax_connections=400\\n[mysqldump]\\nquick\\n"}}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filesRead.files[1].name").value("tuning.cnf"))
			.andExpect(jsonPath("$.filesRead.files[1].reason").value("INCLUDEDIR_WITHOUT_FOLDER"))
			.andExpect(jsonPath("$.filesRead.files[1].directiveOrigin").value("my.cnf:2"))
			.andExpect(jsonPath("$.filesRead.options[0].status").value("OVERRIDDEN"))
			.andExpect(jsonPath("$.filesRead.options[0].overriddenBy").value("my.cnf:3"))
			.andExpect(jsonPath("$.filesRead.options[1].status").value("OTHER_PROGRAM"))
			.andExpect(jsonPath("$.filesRead.options[2].status").value("USED"))
			.andExpect(jsonPath("$.filesRead.moreOptions").value(0))
			.andExpect(jsonPath("$.warnings[?(@.code=='INCLUDE_NOT_UPLOADED')]").isEmpty());
	}

	@Test
	void detectsTheServerFromAShowVariablesDump() throws Exception {
		String body = """
				{"hostRam":"32G","showVariables":"Variable_name\\tValue\\r\\ninnodb_buffer_pool_size\\t10737418240\\r\\nversion\\t8.0.19\\r\\n"}""";
		this.mvc.perform(post("/api/v1/plan").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.server").value("mysql-8.0"))
			.andExpect(jsonPath("$.variables.innodb_buffer_pool_size.bytes").value(10737418240L))
			.andExpect(jsonPath("$.variables.innodb_buffer_pool_size.origin").value("SHOW GLOBAL VARIABLES:2"));
	}

	@Test
	void takesAPlainTextBodyAsCurlDataBinarySendsIt() throws Exception {
		this.mvc.perform(post("/api/v1/plan?server=mysql-5.7&hostRam=4G&instance=mysqld3307")
				.contentType(MediaType.TEXT_PLAIN)
				.content("[mysqld3306]\nmax_connections=800\n[mysqld3307]\nmax_connections=300\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.max_connections.value").value("300"))
			.andExpect(jsonPath("$.variables.max_connections.origin").value("my.cnf:4"))
			.andExpect(jsonPath("$.instances[0]").value("mysqld3306"))
			.andExpect(jsonPath("$.permalink").value(containsString("max_connections=300")));
	}

	@Test
	void namesAnUnreadableHostFieldEvenWithAFile() throws Exception {
		this.mvc.perform(post("/api/v1/plan?server=mysql-5.7").contentType(MediaType.TEXT_PLAIN).content("[mysqld]\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hostRam"));
	}

}
