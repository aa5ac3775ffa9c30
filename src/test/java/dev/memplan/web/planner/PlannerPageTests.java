package dev.memplan.web.planner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.memplan.core.ByteSize;
import dev.memplan.support.ExpectedBudget;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PlannerPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void showsTheFormPrefilledWithTheServersDefaultsAndNoReport() throws Exception {
		this.mvc.perform(get("/").param("server", "mariadb-10.11"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"sort_buffer_size\" value=\"2M\"")))
			.andExpect(content().string(containsString("name=\"thread_stack\" value=\"299008\"")))
			.andExpect(content().string(not(containsString("id=\"verdict\""))));
	}

	@Test
	void permalinkRendersTheReport() throws Exception {
		// worst case global + 501 × per connection (ExpectedBudget), about 5.9 GiB; limit 13.6 GiB
		long worst = ExpectedBudget.mysql80GlobalAt500() + 501 * ExpectedBudget.mysql80PerConnection();
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=16G&max_connections=500"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong class=\"verdict-word\">FITS</strong>")))
			.andExpect(content().string(containsString("id=\"worst-case\" title=\"" + String.format(java.util.Locale.ROOT, "%,d", worst) + " B\">")))
			.andExpect(content().string(containsString("id=\"max-connections-fit\">" + ExpectedBudget.mysql80ConnectionsThatFitOn16GiB() + "<")))
			.andExpect(content().string(containsString("href=\"/?server=mysql-8.0&amp;hostRam=16G&amp;max_connections=500\"")))
			.andExpect(content().string(containsString("<tr aria-current=\"true\" class=\"chosen\">")))
			.andExpect(content().string(containsString("<svg")));
	}

	@Test
	void saysWhichRuleOfTheTierTableGaveThePool() throws Exception {
		// 16 GiB: row db.m1.xlarge (15 GiB), 73 %; 128 GiB: above the last row, RAM less the reserve (docs/memory-model.md#tier-table)
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=16G"))
			.andExpect(content().string(containsString("data-rule=\"TIER_RATIO\">Rule: the tier table&#39;s row db.m1.xlarge (15 GiB of memory), 73 % of RAM.<")));
		this.mvc.perform(get("/?server=mariadb-10.11&hostRam=128G"))
			.andExpect(content().string(containsString("data-rule=\"RAM_LESS_RESERVE\">Rule: above the tier table&#39;s last row, RAM less a reserve of ")))
			.andExpect(content().string(containsString(" outside the budget limit (the MySQL share and the memory reserved for other processes)")));
	}

	@Test
	void verdictBoxWritesPerformanceSchemaAsOnAndOffNotAsBytes() throws Exception {
		// stock MySQL 8.0 on 2 GiB (BudgetSolverTests): TempTable's mapped overflow off saves 1 GiB first, then its
		// 1 GiB → 64 MiB saves 1,006,632,960 B; the verdict box shows those two
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=2G"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li title=\"1,073,741,824 B\">temptable_max_mmap: 1 GiB \u2192 0 B, saves 1 GiB</li>")))
			.andExpect(content().string(containsString("<li title=\"1,006,632,960 B\">temptable_max_ram: 1 GiB \u2192 64 MiB, saves 960 MiB</li>")));
		// with the overflow already off, performance_schema OFF is the second lever: its whole estimate at 151
		// connections, 230,238,152 B (PerformanceSchemaSizeTests)
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=2G&temptable_max_mmap=0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li title=\"1,006,632,960 B\">temptable_max_ram: 1 GiB \u2192 64 MiB, saves 960 MiB</li>")))
			.andExpect(content().string(containsString("<li title=\"230,238,152 B\">performance_schema: ON \u2192 OFF, saves 219.6 MiB</li>")));
	}

	@Test
	void verdictBoxSaysHowFarOverAndTheTopLevers() throws Exception {
		// stock MariaDB 10.11 on 8 GiB: the ceiling − limit 7301444403 over; the first lever, tmp_table_size
		// 16M → 4M, saves 152 × what a connection holds less (ExpectedBudget; PlanApiTests has the same case)
		long over = ExpectedBudget.mariadb1011WorstCase() - 7301444403L;
		long saves = 152 * (ExpectedBudget.mariadb1011PerConnection() - ExpectedBudget.mariadb1011PerConnection(4 << 20));
		this.mvc.perform(get("/?server=mariadb-10.11&hostRam=8G"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"verdict-amount\" title=\"" + String.format(java.util.Locale.ROOT, "%,d", over)
					+ " B\">Over the budget limit by " + ByteSize.formatApproximate(over) + ".<")))
			.andExpect(content().string(containsString("<li title=\"" + String.format(java.util.Locale.ROOT, "%,d", saves)
					+ " B\">tmp_table_size: 16 MiB \u2192 4 MiB, saves " + ByteSize.formatApproximate(saves) + "</li>")))
			// the second: the tier's pool does not fit beside the defaults on 8 GiB, so sort_buffer_size goes below
			// its default to its 256 KiB floor: 152 × (2 MiB − 256 KiB) × 1.46 (glibc's slack) = 407,225,024 B
			.andExpect(content().string(containsString("<li title=\"407,225,024 B\">sort_buffer_size: 2 MiB \u2192 256 KiB, saves "
					+ ByteSize.formatApproximate(407_225_024L) + "</li>")));
	}

	@Test
	void showsEverySizeInHumanUnitsWithTheExactBytesInItsTitle() throws Exception {
		String page = this.mvc.perform(get("/?server=mysql-8.0&hostRam=16G"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document doc = Jsoup.parse(page);
		// MySQL 8.0's 128 MiB pool: control structures 5 % = 6710886 B = 6.39999 MiB
		assertThat(doc.select("table.items span[title='6,710,886 B']").eachText()).containsExactly("6.4 MiB");
		// 4000 open tables × 58 KiB (catalog/memory-terms.tsv) = 232000 KiB = 226.56 MiB, not "232000 KiB"
		assertThat(doc.select("table.items span[title='237,568,000 B']").eachText()).containsExactly("226.6 MiB");
		// no raw byte counts and no unit with four digits or more anywhere in the report
		String report = doc.select(".report-summary, .report-details").text();
		assertThat(report).doesNotContainPattern("\\d{4,}(\\.\\d)? (B|KiB|MiB|GiB)\\b").doesNotContainPattern("\\d\\.\\d\\d (KiB|MiB|GiB)");
		assertThat(doc.select("#report-title").text()).isEqualTo("MySQL 8.0 on a 16 GiB host");
	}

	@Test
	void theMarkdownExportCarriesThePermalinkAndTheInputsInHumanUnits() throws Exception {
		String markdown = this.mvc.perform(get("/export/report.md?server=mariadb-10.11&hostRam=8G&max_connections=300&lang=en"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(markdown).startsWith("# memplan: MariaDB 10.11 on an 8 GiB host\n")
			.contains("\n## Inputs\n\nPermalink: <http://localhost/?server=mariadb-10.11&hostRam=8G&max_connections=300>\n")
			.contains("| `server` | `mariadb-10.11` |\n| `hostRam` | `8G` |\n| `max_connections` | `300` |\n")
			// 8 GiB × 0.85 = 7301444403 B: rounded, never the raw count
			.contains("- budget limit: **6.8 GiB**\n")
			.doesNotContain("7301444403")
			.doesNotContainPattern("\\d{5,} B");
	}

	@Test
	void theChartHasTicksAtZeroAndRamAndLabelsItsMarkers() throws Exception {
		Document doc = Jsoup.parse(this.mvc.perform(get("/?server=mysql-8.0&hostRam=16G&expectedConnections=40"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(doc.select("#chart-tick-zero").text()).isEqualTo("0");
		assertThat(doc.select("#chart-tick-ram").text()).isEqualTo("16 GiB RAM");
		assertThat(doc.select("#chart-tick-ram").attr("x")).isEqualTo("100.0%");
		// 0.85 × 16 GiB = 13.6 GiB, at 85 % of the width
		assertThat(doc.select("#chart-limit-label").text()).isEqualTo("Budget limit: 13.6 GiB");
		assertThat(doc.select("#chart-limit-label").attr("x")).isEqualTo("85.0%");
		assertThat(doc.select("#chart-label-expected").text()).startsWith("\u25BC Expected peak (40 connections): ");
		// FITS: the headroom is there, drawn as an empty part of the RAM's outline
		assertThat(doc.select("svg rect.chart-frame").attr("width")).isEqualTo("100.0%");
		assertThat(doc.select("svg rect.seg-headroom")).hasSize(1);
	}

	@Test
	void anEmptyHostRamIsRequired() throws Exception {
		this.mvc.perform(get("/").param("server", "mysql-8.0").param("hostRam", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"error\" id=\"hostRam-error\" role=\"alert\">Host RAM is required, e.g. 16G.</p>")));
		this.mvc.perform(get("/").param("hostRam", " ").param("lang", "ja"))
			.andExpect(content().string(containsString("ホストのメモリを入力してください（例：16G）。")));
	}

	@Test
	void treatsPrefilledDefaultsOfThePreviousServerAsUnset() throws Exception {
		// the form was showing MySQL 8.0's defaults; the user switched to MariaDB: MariaDB's own defaults apply
		this.mvc.perform(get("/").param("defaultsOf", "mysql-8.0").param("server", "mariadb-10.11").param("hostRam", "16G")
				.param("sort_buffer_size", "256K").param("thread_stack", "1M").param("max_connections", "300"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"sort_buffer_size\" value=\"2M\"")))
			.andExpect(content().string(containsString("name=\"max_connections\" value=\"300\"")))
			.andExpect(content().string(containsString("href=\"/?server=mariadb-10.11&amp;hostRam=16G&amp;max_connections=300\"")));
	}

	@Test
	void showsEachBadFieldBesideItKeepingTheUsersText() throws Exception {
		this.mvc.perform(get("/").param("server", "mysql-8.0").param("hostRam", "sixteen").param("sort_buffer_size", "1.5G"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"hostRam\" value=\"sixteen\"")))
			.andExpect(content().string(containsString("Host RAM &#39;sixteen&#39; is not a valid size")))
			.andExpect(content().string(containsString("name=\"sort_buffer_size\" value=\"1.5G\"")))
			.andExpect(content().string(containsString("unknown suffix &#39;.&#39;")))
			.andExpect(content().string(not(containsString("id=\"verdict\""))));
	}

	@Test
	void escapesWhatTheUserTyped() throws Exception {
		this.mvc.perform(get("/").param("hostRam", "<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<script>alert(1)")),
					containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))));
	}

	@Test
	void unknownPagesGetAFriendlyPageNotAStackTrace() throws Exception {
		this.mvc.perform(get("/no-such-page").accept("text/html").header("Accept-Language", "ja"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("ページが見つかりません")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void aRevisitedPermalinkIsAnsweredWithItsTagAndEachLanguageKeepsItsOwnPage() throws Exception {
		String permalink = "/?server=mariadb-10.11&hostRam=8G&max_connections=300";
		String tag = this.mvc.perform(get(permalink))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", "Accept-Language"))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		this.mvc.perform(get(permalink).header("If-None-Match", tag))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		this.mvc.perform(get(permalink).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Language", "ja"))
			.andExpect(content().string(containsString("<html lang=\"ja\"")));
		this.mvc.perform(get(permalink))
			.andExpect(header().string("ETag", tag))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
	}

}
