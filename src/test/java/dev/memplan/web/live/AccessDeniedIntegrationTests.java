package dev.memplan.web.live;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.memplan.support.LocalMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A wrong password against the real MariaDB on 127.0.0.1:3306, on the page in each language and in
 * the API: the account as the server saw it, what is wrong, the statements for a least-privileged
 * account, never the password.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessDeniedIntegrationTests {

	private static final String WRONG = "Wrong-Secret-8841";

	/** CREATE USER and the grants the README's live page section names, for the account the server saw. */
	private static String statements(String account) {
		return "CREATE USER " + account + " IDENTIFIED BY '<new password>';\n"
				+ "GRANT SELECT ON performance_schema.* TO " + account + ";  -- MySQL 8\n"
				+ "GRANT PROCESS ON *.* TO " + account + ";  -- MariaDB";
	}

	@Autowired
	private MockMvc mvc;

	/** The host part a login from 127.0.0.1 is matched against (127.0.0.1 here: skip_name_resolve is on). */
	private static String seen;

	@BeforeAll
	static void createUser() throws Exception {
		LocalMariaDb.createProbeUser();
		seen = LocalMariaDb.scalar("SELECT SUBSTRING_INDEX(USER(), '@', -1)");
	}

	private Document page(String lang, String user) throws Exception {
		MvcResult result = this.mvc.perform(post("/live?lang=" + lang).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("host", "127.0.0.1").param("user", user).param("password", WRONG).param("hostRam", "16G")).andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(html).doesNotContain(WRONG);
		return Jsoup.parse(html);
	}

	@Test
	void theEnglishPageNamesTheAccountSaysWhatIsWrongAndHowToCreateOne() throws Exception {
		Document page = page("en", LocalMariaDb.USER);
		String account = "'memplan_probe'@'" + seen + "'";
		assertThat(page.getElementById("probe-failure").text()).isEqualTo("The server at 127.0.0.1:3306 refused " + account
				+ ", the user and the host as the server saw them: either the password is wrong, or no account for 'memplan_probe'"
				+ " has a host part that matches '" + seen + "' (an account made for 'localhost' does not match a connection over"
				+ " the network).");
		assertThat(page.getElementById("probe-denied").child(0).text()).startsWith("A least-privileged account for memplan needs no"
				+ " privilege for the variables and the status;");
		assertThat(page.getElementById("probe-denied-sql").wholeText()).isEqualTo(statements(account));
	}

	@Test
	void theChineseAndJapanesePagesSayItInTheirLanguage() throws Exception {
		String account = "'memplan_probe'@'" + seen + "'";
		Document zh = page("zh-CN", LocalMariaDb.USER);
		assertThat(zh.getElementById("probe-failure").text()).isEqualTo("127.0.0.1:3306 上的服务器拒绝了 " + account
				+ "（即服务器看到的用户名和主机）：要么密码错误，要么用户 'memplan_probe' 没有主机部分与 '" + seen
				+ "' 匹配的账号（为 'localhost' 创建的账号不匹配经网络的连接）。");
		assertThat(zh.getElementById("probe-denied").child(0).text()).startsWith("memplan 的最小权限账号：");
		assertThat(zh.getElementById("probe-denied-sql").wholeText()).isEqualTo(statements(account));
		Document ja = page("ja", LocalMariaDb.USER);
		assertThat(ja.getElementById("probe-failure").text()).isEqualTo("127.0.0.1:3306 のサーバーが " + account
				+ "（サーバーから見たユーザーとホスト）を拒否しました。パスワードが違うか、ユーザー 'memplan_probe' にホスト部が '" + seen
				+ "' と一致するアカウントがありません（'localhost' 用に作ったアカウントはネットワーク経由の接続には一致しません）。");
		assertThat(ja.getElementById("probe-denied").child(0).text()).startsWith("memplan 用の最小権限のアカウント：");
		assertThat(ja.getElementById("probe-denied-sql").wholeText()).isEqualTo(statements(account));
	}

	@Test
	void anAccountNameWithMarkupAndAQuoteIsShownAsText() throws Exception {
		String html = page("ja", "o'<img src=x onerror=alert(1)>").outerHtml();
		Document page = Jsoup.parse(html);
		assertThat(page.select("img")).isEmpty();
		String account = "'o''<img src=x onerror=alert(1)>'@'" + seen + "'";
		assertThat(page.getElementById("probe-failure").text()).startsWith("127.0.0.1:3306 のサーバーが " + account + "（");
		assertThat(page.getElementById("probe-denied-sql").wholeText()).startsWith("CREATE USER " + account + " IDENTIFIED BY");
	}

	@Test
	void theApiGivesTheAccountAndTheStatementsAsFields() throws Exception {
		String body = this.mvc.perform(post("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
			.content("{\"host\":\"127.0.0.1\",\"user\":\"" + LocalMariaDb.USER + "\",\"password\":\"" + WRONG + "\",\"hostRam\":\"16G\"}"))
			.andReturn().getResponse().getContentAsString();
		String account = "'memplan_probe'@'" + seen + "'";
		assertThat(body).contains("\"kind\":\"ACCESS_DENIED\"")
			.contains("\"account\":\"" + account + "\"")
			.contains("\"passwordSent\":true")
			.contains("\"createAccount\":[\"CREATE USER " + account + " IDENTIFIED BY '<new password>';\"")
			.contains("\"detail\":\"The server at 127.0.0.1:3306 refused " + account + ", the user and the host as the server saw them")
			.doesNotContain(WRONG);
	}

}
