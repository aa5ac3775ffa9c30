package dev.memplan.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.app.ImportRequest;
import dev.memplan.app.PlanQuery;
import dev.memplan.app.PlanService;
import dev.memplan.budget.Plan;
import dev.memplan.core.DiagnosticCode;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTests {

	/** MariaDB 10.11 on 2 GiB with 500 connections: OVERCOMMITTED; line 3 is not a size the server reads. */
	private static final String MY_CNF = """
			[mysqld]
			max_connections = 500
			sort_buffer_size = 1.5G
			!include tuning.cnf
			""";

	private static final String TUNING_CNF = "[mysqld]\njoin_buffer_size = 64M\n";

	private static Plan plan() {
		return new PlanService().plan(PlanQuery.EMPTY.withServer("mariadb-10.11").withHostRam("2G"),
				new ImportRequest(null, Map.of("db/my.cnf", MY_CNF, "tuning.cnf", TUNING_CNF), null, null)).plan();
	}

	@SuppressWarnings("unchecked")
	private static <T> T at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			current = (step instanceof Integer index) ? ((List<Object>) current).get(index) : ((Map<String, Object>) current).get(step);
		}
		return (T) current;
	}

	private static Map<String, Object> result(Map<String, Object> sarif, String ruleId) {
		List<Map<String, Object>> results = at(sarif, "runs", 0, "results");
		return results.stream().filter((r) -> r.get("ruleId").equals(ruleId)).findFirst().orElseThrow();
	}

	@Test
	void isSarif210WithOneRunOfMemplan() {
		Map<String, Object> sarif = SarifReport.of(plan(), List.of("db/my.cnf"), "0.1.0");
		assertThat(sarif.get("version")).isEqualTo("2.1.0");
		assertThat(sarif.get("$schema")).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
		assertThat((String) at(sarif, "runs", 0, "tool", "driver", "name")).isEqualTo("memplan");
		assertThat((String) at(sarif, "runs", 0, "tool", "driver", "version")).isEqualTo("0.1.0");
	}

	@Test
	void anErrorIsAnErrorResultOnItsFileAndLine() {
		Map<String, Object> invalid = result(SarifReport.of(plan(), List.of("db/my.cnf"), "0.1.0"), "INVALID_SIZE");
		assertThat(invalid.get("level")).isEqualTo("error");
		assertThat((String) at(invalid, "message", "text"))
			.isEqualTo("sort_buffer_size = 1.5G is not a size this server reads: the server refuses to start. Write a whole number with K, M or G.");
		assertThat((String) at(invalid, "locations", 0, "physicalLocation", "artifactLocation", "uri")).isEqualTo("db/my.cnf");
		assertThat((Integer) at(invalid, "locations", 0, "physicalLocation", "region", "startLine")).isEqualTo(3);
	}

	@Test
	void anIncludedFileIsNamedFromTheRepositoryRoot() {
		Map<String, Object> sarif = SarifReport.of(plan(), List.of("db/my.cnf"), "0.1.0");
		// join_buffer_size 64M × 501 slots is far more than the 2 GiB host: the share-of-RAM warning, from tuning.cnf
		Map<String, Object> large = result(sarif, "PER_CONNECTION_LARGE_SHARE");
		assertThat((String) at(large, "locations", 0, "physicalLocation", "artifactLocation", "uri")).isEqualTo("db/tuning.cnf");
		assertThat((Integer) at(large, "locations", 0, "physicalLocation", "region", "startLine")).isEqualTo(2);
	}

	@Test
	void theVerdictIsAResultOnTheLineThatSetMaxConnections() {
		Map<String, Object> verdict = result(SarifReport.of(plan(), List.of("db/my.cnf"), "0.1.0"), "MEMORY_VERDICT");
		assertThat(verdict.get("level")).isEqualTo("error"); // OVERCOMMITTED
		assertThat((String) at(verdict, "message", "text")).startsWith("Memory verdict OVERCOMMITTED: worst case ")
			.contains("(501 connection slots)").endsWith(" of 2 GiB RAM.");
		assertThat((String) at(verdict, "locations", 0, "physicalLocation", "artifactLocation", "uri")).isEqualTo("db/my.cnf");
		assertThat((Integer) at(verdict, "locations", 0, "physicalLocation", "region", "startLine")).isEqualTo(2);
	}

	@Test
	void describesEveryRuleOnceWithHelp() {
		Map<String, Object> sarif = SarifReport.of(plan(), List.of("db/my.cnf"), "0.1.0");
		List<Map<String, Object>> rules = at(sarif, "runs", 0, "tool", "driver", "rules");
		List<Object> ids = rules.stream().map((rule) -> rule.get("id")).toList();
		assertThat(ids).doesNotHaveDuplicates().contains("INVALID_SIZE", "MEMORY_VERDICT");
		List<Map<String, Object>> results = at(sarif, "runs", 0, "results");
		assertThat(results).extracting((r) -> r.get("ruleId")).allMatch(ids::contains);
		Map<String, Object> invalid = rules.stream().filter((rule) -> rule.get("id").equals("INVALID_SIZE")).findFirst().orElseThrow();
		assertThat((String) at(invalid, "help", "text"))
			.isEqualTo("… = … is not a size this server reads: the server refuses to start. Write a whole number with K, M or G."
					+ " (memplan diagnostic INVALID_SIZE)");
		assertThat((String) at(invalid, "shortDescription", "text")).isEqualTo("Invalid size");
	}

	@Test
	void mapsEverySeverityToASarifLevel() {
		assertThat(SarifReport.level(dev.memplan.core.Severity.ERROR)).isEqualTo("error");
		assertThat(SarifReport.level(dev.memplan.core.Severity.WARNING)).isEqualTo("warning");
		assertThat(SarifReport.level(dev.memplan.core.Severity.ADVICE)).isEqualTo("note");
		assertThat(SarifReport.level(dev.memplan.core.Severity.INFO)).isEqualTo("note");
	}

	@Test
	void everyCodeHasAHelpTextFromTheBundle() {
		for (DiagnosticCode code : DiagnosticCode.values()) {
			assertThat(SarifReport.template(code)).as(code.name()).doesNotStartWith("diag.").hasSizeGreaterThan(20);
		}
	}

	@Test
	void namesFilesAsRepositoryUris() {
		assertThat(SarifReport.uri("./conf/my.cnf")).isEqualTo("conf/my.cnf");
		assertThat(SarifReport.uri("conf\\my 1.cnf")).isEqualTo("conf/my%201.cnf");
		assertThat(SarifReport.uri("/etc/mysql/my.cnf")).isEqualTo("file:///etc/mysql/my.cnf");
	}

}
