package dev.memplan.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.cli.MemplanCli;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the plan, the snippet and the API say the caps: recommended only where they let ordinary work through and fit
 * the limit; in words where none do (bench/matrix.sh's small MySQL configuration on 2 GiB: 3M and 16M caps closed
 * 35 of 50 ordinary connections on 8.0.31, MySqlCapsIntegrationTests).
 */
class CapAdviceTests {

	private static final String SMALL = """
			[mysqld]
			innodb_buffer_pool_size = 256M
			max_connections = 50
			sort_buffer_size = 2M
			join_buffer_size = 256K
			read_buffer_size = 128K
			read_rnd_buffer_size = 256K
			tmp_table_size = 16M
			max_heap_table_size = 16M
			max_allowed_packet = 64M
			log_bin = ON
			innodb_buffer_pool_chunk_size = 128M
			internal_tmp_mem_storage_engine = TempTable
			""";

	private static Plan small(long ram) {
		return small(ram, "50");
	}

	private static Plan small(long ram, String maxConnections) {
		ServerSettings settings = ServerSettings.empty();
		SMALL.lines().filter((line) -> line.contains("=")).forEach((line) -> {
			String[] pair = line.split("=", 2);
			settings.set(pair[0].trim(), pair[1].trim(), Origin.request());
		});
		settings.set("max_connections", maxConnections, Origin.request());
		return Planner.standard().plan(ServerCatalog.standard().require("mysql-8.0"), settings, HostSpec.ofRam(ram));
	}

	private static List<Diagnostic> cannotFit(Plan plan) {
		return plan.diagnostics().stream().filter((d) -> d.code() == DiagnosticCode.CAPS_CANNOT_FIT).toList();
	}

	@Test
	void aSmallHostIsToldThatCapsCannotMakeItFitAndPointedAtTheRecommendedConfiguration() {
		Plan plan = small(2L << 30);
		// CeilingFiguresTests: an ordinary statement tracks 20,021,248 bytes; the ceiling stays 3,529,648,698 (with TempTable's
		// 1 GiB mapped overflow) against 1,825,361,100
		assertThat(cannotFit(plan)).singleElement().satisfies((d) -> assertThat(EnglishText.of(d))
			.startsWith("Server-side memory caps cannot make this configuration fit: caps that still let each of the 50 connections")
			.contains("(19.1 MiB tracked").contains("leave the ceiling at 3.3 GiB, above the limit (1.7 GiB)")
			.contains("apply the recommended configuration instead, which fits without caps"));
		// the recommended configuration fits without caps: its caps are set at what its plan budgets, never below ordinary work
		assertThat(plan.solution().chosen().fits()).isTrue();
		String snippet = SnippetWriter.write(plan);
		assertThat(snippet).contains("# Option: let the server enforce the ceiling.").contains("# connection_memory_limit = ")
			.contains("run one at the same time").doesNotContain("# connection_memory_limit = 3M")
			.doesNotContain("still above the limit");
	}

	@Test
	void theApiRecommendsNoCapsForTheConfigurationAsGivenOnASmallHost() {
		assertThat(json("2G")).contains("\"recommendedCaps\" : null").contains("\"code\" : \"CAPS_CANNOT_FIT\"");
		// 4 GiB: it fits without caps (3 GiB no longer does with TempTable's 1 GiB mapped overflow: 3,529,648,698 against
		// 2,738,041,651); 20 MiB a connection (an ordinary statement), every slot at it: 51 × 20 MiB
		assertThat(json("4G")).contains("\"sessionCapBytes\" : 20971520").contains("\"globalCapBytes\" : 1069547520")
			.contains("\"ordinaryStatementBytes\" : 20021248").contains("\"ordinaryAtOnce\" : 50").doesNotContain("CAPS_CANNOT_FIT");
	}

	@Test
	void theSnippetSaysInWordsWhenNothingFitsAndNoCapsCanHelp() {
		// 2,000 connections that must be served on 2 GiB: a thread stack and the floors of the buffers each do not
		// fit even in the recommended configuration, and caps that let ordinary work through cannot bring it there
		Plan plan = small(2L << 30, "2000");
		assertThat(plan.solution().chosen().fits()).isFalse();
		String snippet = SnippetWriter.write(plan);
		assertThat(snippet).contains("# No caps: caps that let each connection run an ordinary statement (")
			.contains("lower caps would close ordinary connections").doesNotContain("connection_memory_limit =");
	}

	private static String json(String ram) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new MemplanCli(new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of())
			.run(List.of("check", "--server", "mysql-8.0", "--ram", ram, "--format", "json", "-"));
		return out.toString(StandardCharsets.UTF_8);
	}

}
