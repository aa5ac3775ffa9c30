package dev.memplan.web;

import org.junit.jupiter.api.Test;

import dev.memplan.support.ExpectedBudget;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LanguagePageTests {

	private static final String PERMALINK = "/?server=mysql-8.0&hostRam=16G&max_connections=500";

	@Autowired
	private MockMvc mvc;

	@Test
	void choosesTheLanguageFromAcceptLanguage() throws Exception {
		this.mvc.perform(get(PERMALINK).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
			.andExpect(content().string(containsString("规划服务器内存")))
			.andExpect(content().string(containsString(">可容纳</strong>")))
			.andExpect(content().string(containsString("InnoDB 缓冲池")))
			.andExpect(content().string(containsString("innodb_buffer_pool_size"))) // technical names stay
			.andExpect(content().string(containsString("href=\"/?server=mysql-8.0&amp;hostRam=16G&amp;max_connections=500&amp;lang=zh-CN\"")));
		this.mvc.perform(get(PERMALINK).header("Accept-Language", "ja-JP"))
			.andExpect(content().string(containsString("サーバーのメモリを計画する")));
	}

	@Test
	void saysWhatTheServerChangedInTheReadersLanguage() throws Exception {
		// read_buffer_size has a 4096-byte block on MariaDB: 100000 becomes 98304 (96 KiB)
		String permalink = "/?server=mariadb-10.11&hostRam=16G&read_buffer_size=100000";
		this.mvc.perform(get(permalink + "&lang=ja"))
			// once in the variables table, once as the warning (worded by the same note, as in English)
			.andExpect(content().string(stringContainsInOrder("<span>4 KiB の倍数ではありません：96 KiB に切り捨てられます</span>",
					"<span>4 KiB の倍数ではありません：96 KiB に切り捨てられます</span>")))
			.andExpect(content().string(not(containsString("not a multiple of"))));
		this.mvc.perform(get(permalink + "&lang=zh-CN"))
			.andExpect(content().string(containsString("<span>不是 4 KiB 的整数倍：向下取整为 96 KiB</span>")))
			.andExpect(content().string(not(containsString("not a multiple of"))));
		this.mvc.perform(get(permalink))
			.andExpect(content().string(containsString("<span>not a multiple of 4 KiB: rounded down to 96 KiB</span>")));
	}

	@Test
	void saysWhereEachValueCameFromInTheReadersLanguage() throws Exception {
		// a 12G pool on MySQL 8.0 gets 8 instances, computed at start-up; sort_buffer_size was typed in
		String permalink = "/?server=mysql-8.0&hostRam=16G&innodb_buffer_pool_size=12G&sort_buffer_size=4M";
		this.mvc.perform(get(permalink + "&lang=zh-CN"))
			.andExpect(content().string(containsString("<td>mysql-8.0 的默认值</td>")))
			.andExpect(content().string(containsString("<td>输入</td>")))
			.andExpect(content().string(containsString("<td>启动时计算：缓冲池不小于 1 GiB 时为 8，否则为 1</td>")))
			.andExpect(content().string(not(containsString("default for"))));
		this.mvc.perform(get(permalink + "&lang=ja"))
			.andExpect(content().string(containsString("<td>mysql-8.0 の既定値</td>")))
			.andExpect(content().string(containsString("<td>入力</td>")));
		this.mvc.perform(get(permalink))
			.andExpect(content().string(containsString("<td>default for mysql-8.0</td>")))
			.andExpect(content().string(containsString("<td>computed at start-up: 8 when the pool is 1 GiB or more, else 1</td>")));
	}

	@Test
	void theLangParameterWinsAndLinksKeepTheRestOfTheAddress() throws Exception {
		this.mvc.perform(get(PERMALINK + "&lang=ja").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("<html lang=\"ja\">")))
			.andExpect(content().string(containsString(">収まる</strong>")))
			.andExpect(content().string(containsString("href=\"/?server=mysql-8.0&amp;hostRam=16G&amp;max_connections=500&amp;lang=en\"")));
		this.mvc.perform(get("/host?lang=zh-CN"))
			.andExpect(content().string(containsString("主机：OOM killer 会选中谁")));
		this.mvc.perform(get("/live?lang=ja"))
			.andExpect(content().string(containsString("稼働中のサーバーを読み取る")));
	}

	@Test
	void translatesDiagnosticsWithTheirValues() throws Exception {
		// MariaDB 10.11 defaults on 2 GiB: 3.2 GiB worst case (BudgetCalculatorTests); 0 connections fit
		this.mvc.perform(get("/?server=mariadb-10.11&hostRam=2G&sort_buffer_size=8M&lang=zh-CN"))
			.andExpect(content().string(containsString("名义最坏情况超过内存：如果全部 151 个连接同时分配最大的缓冲区")))
			// 8 MiB × 152 slots = 1.2 GiB, 59 % of 2 GiB: the share-of-RAM warning
			.andExpect(content().string(containsString("sort_buffer_size = 8 MiB，乘以 152 个连接槽位共 1.2 GiB，占内存的 59 %")));
		this.mvc.perform(get("/?server=mariadb-10.11&hostRam=2G&read_buffer_size=100000&lang=ja"))
			.andExpect(content().string(containsString("<span>4 KiB の倍数ではありません：96 KiB に切り捨てられます</span>")));
	}

	@Test
	void translatesFieldErrorsBesideTheirFields() throws Exception {
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=lots&sort_buffer_size=1.5G&lang=ja"))
			.andExpect(content().string(containsString("ホストのメモリ &#39;lots&#39; は有効なサイズではありません：16G や 7.5 GiB のように")))
			// the reason the server refuses it, in Japanese too (it was an English-only sentence)
			.andExpect(content().string(containsString("sort_buffer_size：&#39;1.5G&#39; は有効なサイズではありません：不明な接尾辞 &#39;.&#39; です")))
			.andExpect(content().string(containsString("name=\"hostRam\" value=\"lots\"")));
		this.mvc.perform(get("/?server=mysql-8.0&hostRam=lots&lang=en"))
			.andExpect(content().string(containsString("Host RAM &#39;lots&#39; is not a valid size")));
	}

	@Test
	void fallsBackToEnglish() throws Exception {
		this.mvc.perform(get(PERMALINK).header("Accept-Language", "fr-FR,de;q=0.8"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("Plan a server&#39;s memory")));
	}

	@Test
	void sendsAContentSecurityPolicyWithoutUnsafeInline() throws Exception {
		this.mvc.perform(get(PERMALINK))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(content().string(not(containsString(" style=\""))))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void exportsTheReportAndTheSnippet() throws Exception {
		String query = "?server=mysql-8.0&hostRam=16G&max_connections=500";
		this.mvc.perform(get("/export/report.md" + query))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"memplan-report.md\""))
			.andExpect(content().string(containsString("# memplan: MySQL 8.0 on a 16 GiB host")));
		this.mvc.perform(get("/export/report.json" + query))
			.andExpect(content().string(containsString("\"worstCaseBytes\" : "
					+ (ExpectedBudget.mysql80GlobalAt500() + 501 * ExpectedBudget.mysql80PerConnection()))));
		this.mvc.perform(get("/export/my.cnf" + query))
			.andExpect(content().string(containsString("max_connections = 500")));
		// the chosen option keeps the 500 connections (PlanApiTests): no max_connections statement, the pool
		// resized online, the instances (read at start-up) with PERSIST_ONLY
		this.mvc.perform(get("/export/persist.sql" + query))
			.andExpect(content().string(containsString("SET PERSIST innodb_buffer_pool_size = ")))
			.andExpect(content().string(containsString("resized online")))
			.andExpect(content().string(containsString("SET PERSIST_ONLY innodb_buffer_pool_instances = ")))
			.andExpect(content().string(not(containsString("SET PERSIST max_connections"))));
		this.mvc.perform(get(PERMALINK))
			.andExpect(content().string(containsString("href=\"/export/persist.sql?server=mysql-8.0&amp;hostRam=16G&amp;max_connections=500\"")));
	}

}
