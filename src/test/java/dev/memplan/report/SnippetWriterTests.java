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
	void saysNothingFitsWhenTheGlobalBuffersAloneExceedTheLimit() {
		// a 4 GiB key cache alone passes the 85 % limit of a 2 GiB host
		ServerSettings settings = ServerSettings.empty().set("key_buffer_size", "4G", Origin.request());
		assertThat(snippet("mariadb-10.11", 2 * GIB, settings)).contains("NOTHING FITS");
	}

	@Test
	void writesAReadyToPasteSnippetWithACommentOnEachLine() {
		ServerSettings settings = ServerSettings.empty().set("sort_buffer_size", "4M", Origin.request());
		String mycnf = snippet("mysql-8.0", 16 * GIB, settings);
		assertThat(mycnf).startsWith("[mysqld]\n");
		// 70 % of 16 GiB = 11.2 GiB, rounded down to a multiple of 8 × 128 MiB chunks = 11 GiB
		assertThat(mycnf).contains("innodb_buffer_pool_size = 11G");
		assertThat(mycnf).containsPattern("max_connections = \\d+ +# the most whose worst case");
		assertThat(mycnf).contains("sort_buffer_size = 4M");
		mycnf.lines().skip(1).filter((line) -> !line.startsWith("#"))
			.forEach((line) -> assertThat(line).contains("  # "));
	}

}
