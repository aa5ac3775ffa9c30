package dev.memplan.web.planner;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ImportPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void readsUploadedFilesAndShowsWhereEachValueCameFrom() throws Exception {
		MockMultipartFile main = new MockMultipartFile("files", "my.cnf", "text/plain",
				"[mysqld]\n!includedir /etc/mysql/conf.d\nsort_buffer_size = 1.5G\n".getBytes(StandardCharsets.UTF_8));
		MockMultipartFile included = new MockMultipartFile("files", "conf.d/tuning.cnf", "text/plain",
				"[mysqld]\nmax_connections = 400\n".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/").file(main).file(included).param("server", "mysql-8.0").param("hostRam", "8G"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>conf.d/tuning.cnf:2</td>")))
			.andExpect(content().string(containsString("name=\"max_connections\" value=\"400\"")))
			.andExpect(content().string(containsString("(my.cnf:3)")))
			.andExpect(content().string(containsString("id=\"verdict\"")));
	}

	@Test
	void filesPickedWithoutTheirFolderSatisfyTheIncludedirAndThePanelSaysSo() throws Exception {
		// a browser's file picker sends "tuning.cnf", not "conf.d/tuning.cnf"
		MockMultipartFile main = new MockMultipartFile("files", "my.cnf", "text/plain",
				"[mysqld]\n!includedir /etc/mysql/conf.d/\n[client]\nuser=app\n".getBytes(StandardCharsets.UTF_8));
		MockMultipartFile tuning = new MockMultipartFile("files", "tuning.cnf", "text/plain",
				"[mysqld]\nmax_connections = 400\nmax_connections = 300\n".getBytes(StandardCharsets.UTF_8));
		String page = this.mvc.perform(multipart("/").file(main).file(tuning).param("server", "mysql-8.0").param("hostRam", "8G"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document doc = Jsoup.parse(page);
		assertThat(doc.text()).doesNotContain("not read").doesNotContain("INCLUDE_NOT_UPLOADED");
		assertThat(doc.select("#files-read .files-table tbody tr").eachText()).containsExactly("my.cnf given, read 1 time(s) [mysqld] [client]",
				"tuning.cnf !includedir /etc/mysql/conf.d/ (my.cnf:2): uploaded without its folder, read as that folder's file, 1 time(s) [mysqld]");
		assertThat(doc.select("#files-read .options-read tbody tr").eachText()).containsExactly(
				"tuning.cnf:2 [mysqld] max_connections ignored: overridden by tuning.cnf:3", "tuning.cnf:3 [mysqld] max_connections used",
				"my.cnf:4 [client] user ignored: another program's group");
	}

	@Test
	void readsAPastedDumpAndPicksTheServerFromItsVersion() throws Exception {
		String dump = "| Variable_name | Value |\n| version | 10.11.19-MariaDB |\n| sort_buffer_size | 4194304 |\n";
		this.mvc.perform(multipart("/").param("server", "detect").param("hostRam", "8G").param("config", dump))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MariaDB 10.11 on an 8 GiB host")))
			.andExpect(content().string(containsString("<td>SHOW GLOBAL VARIABLES:3</td>")));
	}

	@Test
	void showsWhatStopsTheServerFromStartingAboveTheVerdict() throws Exception {
		String page = this.mvc.perform(multipart("/").param("server", "mysql-8.0").param("hostRam", "8G")
				.param("config", "[mysqld]\ninnodb_buffer_pool_size=1G\nquery_cache_size=16M\n"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document doc = Jsoup.parse(page);
		// MySQL 8.0 has no query cache: an ERROR, so it comes before the verdict and not again among the warnings
		assertThat(doc.select("#startup-errors li").eachText()).containsExactly("ERROR query_cache_size query_cache_size does not exist on "
				+ "MySQL 8.0: the server refuses to start. Remove it, or prefix it with loose- if the file is shared with older servers. (my.cnf:3)");
		assertThat(page.indexOf("id=\"startup-errors\"")).isLessThan(page.indexOf("id=\"verdict\"")).isPositive();
		assertThat(doc.select("ul.diagnostics:not(#startup-errors) li.sev-error")).isEmpty();
	}

	@Test
	void aMysqldMultiFileShowsItsWorstInstanceNotAPlanOfDefaults() throws Exception {
		String multi = "[mysqld]\nsort_buffer_size=1M\n[mysqld3306]\ninnodb_buffer_pool_size=12G\nmax_connections=2000\n"
				+ "[mysqld3307]\ninnodb_buffer_pool_size=1G\nmax_connections=100\n";
		String page = this.mvc.perform(multipart("/").param("server", "mysql-8.0").param("hostRam", "16G").param("config", multi))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document doc = Jsoup.parse(page);
		assertThat(doc.select("#instance-shown").text()).startsWith("This report is instance [mysqld3306], the worst of the 2 instances");
		assertThat(doc.select("#instances tbody th").eachText()).containsExactly("[mysqld3306]", "[mysqld3307]");
		assertThat(doc.select("#instances tbody td:nth-of-type(2)").eachText()).containsExactly("OVERCOMMITTED", "FITS");
		assertThat(doc.select("#instances tbody a").eachAttr("href")).allMatch((href) -> href.startsWith("/?server=mysql-8.0&hostRam=16G"));
		assertThat(doc.select("#verdict .verdict-word").text()).isEqualTo("OVERCOMMITTED");
		assertThat(page.indexOf("id=\"instances\"")).isLessThan(page.indexOf("id=\"verdict\"")).isPositive();
	}

	@Test
	void keepsThePastedTextWhenTheHostFieldIsBad() throws Exception {
		this.mvc.perform(multipart("/").param("server", "mysql-8.0").param("hostRam", "").param("config", "[mysqld]\n<b>x</b>\n"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;")))
			.andExpect(content().string(containsString("Host RAM is required, e.g. 16G.")));
	}

}
