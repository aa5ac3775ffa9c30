package dev.memplan.showvariables;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;

class ShowVariablesImporterTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	private final ShowVariablesImporter importer = new ShowVariablesImporter(this.catalog);

	private ShowVariablesImporter.Imported read(String file) throws Exception {
		return this.importer.read(Files.readString(Corpus.file("variables", file), StandardCharsets.UTF_8), null);
	}

	@Test
	void readsTabSeparatedWithHeaderAndDetectsMySql80() throws Exception {
		ShowVariablesImporter.Imported imported = read("nikita-samtsov-one__mysql-8.0.19.txt");
		assertThat(imported.detected().profile().id()).isEqualTo("mysql-8.0");
		assertThat(imported.detected().note()).isNull();
		assertThat(imported.settings().get("innodb_buffer_pool_size").text()).isEqualTo("10737418240");
		assertThat(imported.settings().get("innodb_buffer_pool_size").origin().toString()).isEqualTo("SHOW GLOBAL VARIABLES:137");
		assertThat(imported.settings().get("thread_stack").text()).isEqualTo("286720"); // before 8.0.27
		assertThat(imported.settings().get("max_connections").text()).isEqualTo("10000");
	}

	@Test
	void readsCrlfAndMapsAnOlderVersionOntoTheNearestProfile() throws Exception {
		ShowVariablesImporter.Imported imported = read("ksaeki-customers__mysql-5.5.16-win32-xampp.txt");
		assertThat(imported.detected().profile().id()).isEqualTo("mysql-5.6");
		assertThat(imported.detected().note()).contains("5.5");
		assertThat(imported.settings().get("sort_buffer_size").text()).isEqualTo("8388608");
		assertThat(imported.settings().get("query_cache_size").origin().line()).isEqualTo(235);
	}

	@Test
	void readsTheAsciiTableOfAMariaDbDump() throws Exception {
		ShowVariablesImporter.Imported imported = read("avtobys-diff-mysql-variables__mariadb-10.3.31_table.txt");
		assertThat(imported.detected().profile().id()).isEqualTo("mariadb-10.6");
		assertThat(imported.settings().get("innodb_buffer_pool_size").text()).isEqualTo("8589934592");
		assertThat(imported.settings().get("query_cache_size").text()).isEqualTo("16777216");
		assertThat(imported.settings().get("query_cache_size").origin().line()).isEqualTo(439);
	}

	@Test
	void readsTheVerticalForm() throws Exception {
		ShowVariablesImporter.Imported imported = read("percona-toolkit__vars004_mysql-5.0.82_vertical.txt");
		assertThat(imported.detected().version()).isEqualTo("5.0.82");
		assertThat(imported.settings().get("innodb_buffer_pool_size").text()).isEqualTo("16777216");
		assertThat(imported.settings().get("innodb_buffer_pool_size").origin().line()).isEqualTo(212);
	}

	@Test
	void leavesOutVariablesTheChosenServerDoesNotHave() throws Exception {
		String dump = Files.readString(Corpus.file("variables", "avtobys-diff-mysql-variables__mariadb-10.3.31_table.txt"));
		ShowVariablesImporter.Imported imported = this.importer.read(dump, this.catalog.require("mysql-8.0"));
		assertThat(imported.settings().get("query_cache_size")).isNull();
		assertThat(imported.settings().diagnostics()).extracting(Diagnostic::code).contains(DiagnosticCode.NOT_ON_THIS_SERVER);
	}

	@Test
	void everyDumpWithAVersionPlans() throws Exception {
		int planned = 0;
		for (Path file : Corpus.files("variables")) {
			ShowVariablesImporter.Imported imported = this.importer.read(Files.readString(file, StandardCharsets.ISO_8859_1), null);
			if (imported.detected() == null) {
				continue; // SHOW STATUS dumps carry no version
			}
			Plan plan = Planner.standard().plan(imported.detected().profile(), imported.settings(), HostSpec.ofRam(64L << 30));
			assertThat(plan.budget().worstCaseBytes()).as(file.getFileName().toString()).isPositive();
			planned++;
		}
		assertThat(planned).isGreaterThanOrEqualTo(10);
	}

	@Test
	void saysWhenNothingCouldBeRead() {
		ShowVariablesImporter.Imported imported = this.importer.read("this is not a dump", null);
		assertThat(imported.settings().diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.NO_VARIABLES);
	}

}
