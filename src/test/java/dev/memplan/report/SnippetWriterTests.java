package dev.memplan.report;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetWriterTests {

	private static final long GIB = 1L << 30;

	private static String snippet(String server, long ram, ServerSettings settings) {
		Plan plan = Planner.standard().plan(ServerCatalog.standard().require(server), settings, HostSpec.ofRam(ram));
		return SnippetWriter.write(plan);
	}

	@Test
	void saysNothingFitsInWordsWithTheSmallestHostThatWould() {
		// 5000 connections kept on 1 GiB: even at the floors they pass the limit; BudgetSolverTests checks that the
		// smallest host named fits and one 256 MiB smaller does not
		ServerSettings settings = ServerSettings.empty().set("max_connections", "5000", Origin.request());
		String mycnf = snippet("mysql-8.0", GIB, settings);
		assertThat(mycnf).contains("NOTHING FITS on this host").containsPattern("The smallest host on which it fits has [0-9.]+ GiB of RAM");
		assertThat(mycnf).contains("# max_connections = 5000").doesNotContain("max_connections = 0");
	}

	@Test
	void writesAReadyToPasteSnippetWithACommentOnEachLine() {
		ServerSettings settings = ServerSettings.empty().set("sort_buffer_size", "4M", Origin.request());
		String mycnf = snippet("mysql-8.0", 16 * GIB, settings);
		assertThat(mycnf).startsWith("[mysqld]\n");
		// the tier's pool (73 % of 16 GiB) does not fit beside a 4M sort buffer at 152 slots: the sort buffer goes
		// back to its default first, with what it saves
		assertThat(mycnf).contains("sort_buffer_size = 256K").contains("was 4M; saves");
		assertThat(mycnf).contains("% of 16 GiB RAM after rounding").contains("innodb_buffer_pool_instances = ");
		assertThat(mycnf).contains("max_connections = 151");
		mycnf.lines().skip(1).filter((line) -> !line.startsWith("#"))
			.forEach((line) -> assertThat(line).contains("  # "));
	}

	@Test
	void switchingPerformanceSchemaOffSaysWhatItSavesAndWhatItCosts() {
		// stock MySQL 8.0 on 2 GiB: BudgetSolverTests checks the solver turns P_S off there (the estimate,
		// 230,238,152 B = 219.6 MiB at 151 connections: PerformanceSchemaSizeTests)
		Plan plan = Planner.standard().plan(ServerCatalog.standard().require("mysql-8.0"), ServerSettings.empty(), HostSpec.ofRam(2 * GIB));
		String mycnf = SnippetWriter.write(plan);
		assertThat(mycnf).containsPattern("\\nperformance_schema = OFF +# was ON; saves 219\\.6 MiB \\(memplan's estimate; a live reading "
				+ "measures it\\)\\. What it costs: its tables and the sys schema views");
		// read-only at run time: SET PERSIST would be refused, PERSIST_ONLY takes it at the next restart
		assertThat(PersistStatements.of(plan)).contains("SET PERSIST_ONLY performance_schema = OFF;  -- ON \u2192 OFF, read at start-up only");
	}

}
