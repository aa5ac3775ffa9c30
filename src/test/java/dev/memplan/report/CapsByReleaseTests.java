package dev.memplan.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerVersions;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.showvariables.ShowVariablesImporter;
import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connection_memory_limit, global_connection_memory_limit and global_connection_memory_tracking
 * exist from MySQL 8.0.28 (catalog/variables.tsv: mysql-8.0@8.0.28; 8.0.15's SHOW VARIABLES lacks all
 * three, MySqlCatalogIntegrationTests). The caps are recommended only to a server that has them.
 */
class CapsByReleaseTests {

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	private static final HostSpec HOST = HostSpec.ofRam(16L << 30);

	/** The memory variables an 8.0.15 server lists with --no-defaults (the catalog's defaults, thread_stack 8.0.15's own). */
	private static final String MYSQL_8_0_15 = """
			Variable_name	Value
			innodb_buffer_pool_size	134217728
			join_buffer_size	262144
			max_connections	151
			sort_buffer_size	262144
			temptable_max_ram	1073741824
			thread_stack	286720
			tmp_table_size	16777216
			version	8.0.15
			version_comment	MySQL Community Server - GPL
			""";

	/** The same from 8.0.31, which also lists the three caps at their defaults (no cap, tracking OFF). */
	private static final String MYSQL_8_0_31 = """
			Variable_name	Value
			connection_memory_limit	18446744073709551615
			global_connection_memory_limit	18446744073709551615
			global_connection_memory_tracking	OFF
			innodb_buffer_pool_size	134217728
			join_buffer_size	262144
			max_connections	151
			sort_buffer_size	262144
			temptable_max_ram	1073741824
			thread_stack	1048576
			tmp_table_size	16777216
			version	8.0.31
			version_comment	MySQL Community Server - GPL
			""";

	private static Plan imported(String dump) {
		ShowVariablesImporter.Imported imported = new ShowVariablesImporter(CATALOG).read(dump, null);
		return Planner.standard().plan(imported.detected().profile(), imported.settings(), HOST);
	}

	private static MemoryCaps caps(Plan plan) {
		return MemoryCaps.recommend(plan.settings(), plan.budget(), MemoryTerms.standard());
	}

	private static List<Diagnostic> noCap(Plan plan) {
		return plan.diagnostics().stream().filter((d) -> d.code() == DiagnosticCode.NO_SERVER_CAP).toList();
	}

	@Test
	void aDumpFrom8015GetsNoCapsAndIsToldWhatStandsInForThem() {
		Plan plan = imported(MYSQL_8_0_15);
		assertThat(plan.profile().id()).isEqualTo("mysql-8.0");
		assertThat(plan.settings().has("connection_memory_limit")).isFalse();
		assertThat(plan.settings().has("global_connection_memory_tracking")).isFalse();
		assertThat(caps(plan)).isNull();
		assertThat(noCap(plan)).singleElement().satisfies((d) -> assertThat(EnglishText.of(d))
			.startsWith("MySQL 8.0.15 has no server-side memory cap").contains("came with MySQL 8.0.28")
			.contains("keep max_connections and the per-connection buffers"));
		String snippet = SnippetWriter.write(plan);
		assertThat(snippet).contains("# No server-side cap: MySQL 8.0.15 predates connection_memory_limit (MySQL 8.0.28).")
			.doesNotContain("connection_memory_limit =").doesNotContain("global_connection_memory_tracking");
	}

	@Test
	void aDumpFrom8031GetsTheCapsWithoutAReleaseCondition() {
		Plan plan = imported(MYSQL_8_0_31);
		MemoryCaps caps = caps(plan);
		assertThat(caps).isNotNull();
		assertThat(caps.lines()).extracting((line) -> line[0])
			.containsExactly("connection_memory_limit", "global_connection_memory_limit", "global_connection_memory_tracking");
		assertThat(caps.fromRelease()).isNull(); // the dump says 8.0.31: no need to ask for 8.0.28
		assertThat(noCap(plan)).isEmpty();
		assertThat(SnippetWriter.write(plan)).contains("# connection_memory_limit = ").doesNotContain("8.0.28");
	}

	@Test
	void aSelectionFrom8031WithoutTheCapLinesStillHasThem() {
		// SHOW VARIABLES LIKE '%buffer%' plus the version: the version, not the absence, decides
		String selection = MYSQL_8_0_31.lines().filter((line) -> !line.contains("connection_memory")).reduce("", (a, b) -> a + b + "\n");
		Plan plan = imported(selection);
		assertThat(plan.settings().has("connection_memory_limit")).isTrue();
		assertThat(caps(plan)).isNotNull();
	}

	@Test
	void theCorpusDumpFrom8019GetsNoCaps() throws Exception {
		Plan plan = imported(Files.readString(Corpus.file("variables", "nikita-samtsov-one__mysql-8.0.19.txt"), StandardCharsets.UTF_8));
		assertThat(caps(plan)).isNull();
		assertThat(noCap(plan)).hasSize(1);
	}

	@Test
	void theOfflineProfileIsTheNewest80AndSaysTheCapsNeed8028() {
		Plan plan = Planner.standard().plan(CATALOG.require("mysql-8.0"), ServerSettings.empty(), HOST);
		MemoryCaps caps = caps(plan);
		assertThat(caps).isNotNull();
		assertThat(caps.fromRelease()).isEqualTo("8.0.28");
		assertThat(noCap(plan)).isEmpty();
		assertThat(SnippetWriter.write(plan)).contains("These caps need MySQL 8.0.28 or later").contains("# connection_memory_limit = ");
		// 8.4 has them in every release
		Plan eightFour = Planner.standard().plan(CATALOG.require("mysql-8.4"), ServerSettings.empty(), HOST);
		assertThat(caps(eightFour).fromRelease()).isNull();
	}

	@Test
	void aLiveServerHasTheCapsWhenItListsThem() {
		Map<String, String> listed = new LinkedHashMap<>();
		MYSQL_8_0_31.lines().skip(1).map((line) -> line.split("\t")).forEach((pair) -> listed.put(pair[0], pair[1]));
		assertThat(caps(live(listed))).isNotNull().satisfies((caps) -> assertThat(caps.fromRelease()).isNull());
		// a live SHOW GLOBAL VARIABLES lists every variable: one not listed is one the server does not have
		listed.remove("connection_memory_limit");
		listed.remove("global_connection_memory_limit");
		listed.remove("global_connection_memory_tracking");
		Plan without = live(listed);
		assertThat(caps(without)).isNull();
		assertThat(noCap(without)).hasSize(1);
	}

	private static Plan live(Map<String, String> variables) {
		LiveSnapshot snapshot = new LiveSnapshot(variables.get("version"), variables.get("version_comment"), variables, Map.of(), null,
				List.of(), List.of(), null, null);
		LiveReading reading = LiveReading.of(snapshot, CATALOG);
		return Planner.standard().plan(reading.profile(), reading.settings(), HOST);
	}

	@Test
	void releasesCompareAsNumbers() {
		assertThat(ServerVersions.isBefore("8.0.15", "8.0.28")).isTrue();
		assertThat(ServerVersions.isBefore("8.0.9", "8.0.28")).isTrue(); // not as text
		assertThat(ServerVersions.isBefore("8.0.28", "8.0.28")).isFalse();
		assertThat(ServerVersions.isBefore("8.0.31-log", "8.0.28")).isFalse();
		assertThat(ServerVersions.isBefore("5.7.22", "8.0.28")).isTrue();
		// without a patch number nothing is known: the variable stays
		assertThat(ServerVersions.isBefore("8.0", "8.0.28")).isFalse();
		assertThat(ServerVersions.isBefore(null, "8.0.28")).isFalse();
		assertThat(ServerVersions.isBefore("99999999999999999999.0.1", "8.0.28")).isFalse();
	}

}
