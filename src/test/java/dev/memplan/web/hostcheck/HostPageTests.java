package dev.memplan.web.hostcheck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.support.Corpus;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import dev.memplan.support.HostSnapshots;
import dev.memplan.support.IncidentLogs;

@SpringBootTest
@AutoConfigureMockMvc
class HostPageTests {

	private static final String SNAPSHOT = dev.memplan.support.HostSnapshots.WORKED_EXAMPLE;

	@Autowired
	private MockMvc mvc;

	@Test
	void showsEventsRankingAndFixes() throws Exception {
		String log = Files.readString(Corpus.file("oom", "oomanalyser__rhel7-3.10-mysqld-killed.log"), StandardCharsets.UTF_8);
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", log)
				.param("snapshot", SNAPSHOT).param("worstCase", "2G"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 OOM event(s) in the log")))
			.andExpect(content().string(containsString("mysqld (pid 6576)")))
			.andExpect(content().string(containsString("<td class=\"num\">230912</td>"))) // docs/oom.md#worked-example
			.andExpect(content().string(containsString("the first victim would be node.")))
			.andExpect(content().string(containsString("OOMScoreAdjust=-600")))
			.andExpect(content().string(endsWith("</html>\n")));
	}

	@Test
	void speaksChineseAndJapaneseToo() throws Exception {
		this.mvc.perform(post("/host?lang=zh-CN").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("snapshot", SNAPSHOT))
			.andExpect(content().string(containsString("mysqld 是当前 OOM killer 的首选（230912 分）")))
			.andExpect(content().string(containsString("当 oom_score_adj 为 -600 时，node（pid 1300）会先被终止。")))
			.andExpect(content().string(containsString("保护 mysqld 不被 OOM killer 终止")));
		this.mvc.perform(post("/host?lang=ja").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("snapshot", "nonsense"))
			.andExpect(content().string(containsString("memplan-host-snapshot.sh の出力ではありません")));
	}

	@Test
	void saysWhatIsMissingAndKeepsTheText() throws Exception {
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("snapshot", "<b>not a snapshot</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is not the output of memplan-host-snapshot.sh")))
			.andExpect(content().string(containsString("&lt;b&gt;not a snapshot&lt;/b&gt;")))
			.andExpect(content().string(not(containsString("<b>not a snapshot"))));
	}

	@Test
	void servesTheScriptForDownload() throws Exception {
		this.mvc.perform(get("/host/memplan-host-snapshot.sh"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"memplan-host-snapshot.sh\""))
			.andExpect(content().string(containsString("echo \"memplan-host-snapshot 1\"")));
	}

	@Test
	void answersTheOomLogApi() throws Exception {
		String log = Files.readString(Corpus.file("oom", "gh-issue-thewca-1629__travis-memcg-mysqld-4.8.log"), StandardCharsets.UTF_8);
		this.mvc.perform(post("/api/v1/oom-log").contentType(MediaType.TEXT_PLAIN).content(log))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(2))
			.andExpect(jsonPath("$.events[0].victim.comm").value("mysqld"))
			.andExpect(jsonPath("$.events[0].victim.anonRssBytes").value(452468L * 1024))
			.andExpect(jsonPath("$.restartLoops[0].kills").value(2));
	}

	/** 1,000 bare kill lines (85 kB, within the 1 MiB body limit): 200 kept, 800 left out. */
	private static String thousandKills() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			log.append(String.format("[%6d.000000] Killed process %d (mysqld) total-vm:1048576kB, anon-rss:524288kB\n", 100 + i, 100_000 + i));
		}
		return log.toString();
	}

	@Test
	void saysHowManyEventsWereLeftOutInEveryLanguage() throws Exception {
		String log = thousandKills();
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", log))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,000 OOM event(s) in the log")))
			.andExpect(content().string(containsString("Only the last 200 of the 1,000 OOM events are listed; the 800 earlier ones are left out.")))
			// the last kill kept is pid 100999, the first 100800; 100799 was left out
			.andExpect(content().string(containsString("mysqld (pid 100800)")))
			.andExpect(content().string(not(containsString("mysqld (pid 100799)"))));
		this.mvc.perform(post("/host?lang=zh-CN").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", log))
			.andExpect(content().string(containsString("只列出 1,000 个 OOM 事件中的最后 200 个，较早的 800 个未列出。")));
		this.mvc.perform(post("/host?lang=ja").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", log))
			.andExpect(content().string(containsString("1,000 件の OOM イベントのうち、一覧にしたのは最後の 200 件で、それより前の 800 件は省略しました。")));
		this.mvc.perform(post("/api/v1/oom-log").contentType(MediaType.TEXT_PLAIN).content(log))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(200))
			.andExpect(jsonPath("$.eventsLeftOut").value(800))
			.andExpect(jsonPath("$.events[0].victim.pid").value(100_800));
	}

	@Test
	void saysOneProcessWhenTwoKillsNameThreadsOfIt() throws Exception {
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("kernelLog", dev.memplan.support.IncidentLogs.THREAD_KILLED_TWICE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("one mysqld process killed, not a restart loop")))
			.andExpect(content().string(not(containsString("RESTART LOOP"))));
	}

	@Test
	void tellsTheWholeIncidentFromTheKernelAndTheServerLog() throws Exception {
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", IncidentLogs.SEED_KERNEL)
				.param("serverLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mysqld was killed by the OOM killer 3 times in 14 min 11 s (first at 2019-10-21 10:43:29, "
					+ "last at 2019-10-21 10:57:40); restarted 3 times, InnoDB crash recovery 3 times: a restart loop")))
			.andExpect(content().string(containsString("systemd schedules a restart (restart counter 3)")))
			.andExpect(content().string(containsString("moved by 120 min onto the kernel log&#39;s clock")))
			// item 12: the database row, the host's RAM from the log, who grew
			.andExpect(content().string(containsString("mysqld (pid 2211): RSS 2.7 GiB, swap 0 B")))
			.andExpect(content().string(containsString("4 GiB RAM, 0 B swap")))
			.andExpect(content().string(containsString("mysqld was killed holding 2.7 GiB, but perl grew from 1 GiB to 1.9 GiB between the kills: "
					+ "perl is the likely cause and mysqld only the victim.")))
			.andExpect(content().string(containsString("name=\"serverLog\"")));
	}

	@Test
	void readsAMixedPasteInTheKernelLogBox() throws Exception {
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("kernelLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_KERNEL + IncidentLogs.SEED_ERROR_LOG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 OOM event(s) in the log")))
			.andExpect(content().string(containsString("a restart loop")));
	}

	@Test
	void saysNotLoggedAndNeverCallsTheVictimTheLargestOtherProcess() throws Exception {
		String rhel7 = Files.readString(Corpus.file("oom", "oomanalyser__rhel7-3.10-mysqld-killed.log"), StandardCharsets.UTF_8);
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", rhel7))
			.andExpect(content().string(containsString("— (not logged)"))) // a 3.10 global kill does not name its constraint
			.andExpect(content().string(not(containsString("CONSTRAINT_NONE"))));
		String debian = Files.readString(Corpus.file("oom", "parseoom__debian-5.10-syslog-mariadbd.log"), StandardCharsets.UTF_8);
		this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", debian))
			.andExpect(content().string(containsString("mariadbd (pid ")))
			.andExpect(content().string(containsString("was killed, not mariadbd (30 MiB, swap 47.3 MiB)")))
			.andExpect(content().string(not(containsString("largest process besides the victim was clamd"))));
	}

	@Test
	void tellsTheIncidentInChineseAndJapanese() throws Exception {
		this.mvc.perform(post("/host?lang=zh-CN").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", IncidentLogs.SEED_KERNEL)
				.param("serverLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG))
			.andExpect(content().string(containsString("mysqld 在 14 分 11 秒 内被 OOM killer 终止了 3 次")))
			.andExpect(content().string(containsString("perl 很可能是原因，mysqld 只是受害者")));
		this.mvc.perform(post("/host?lang=ja").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("kernelLog", IncidentLogs.SEED_KERNEL)
				.param("serverLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG))
			.andExpect(content().string(containsString("mysqld は 14 分 11 秒 の間に OOM killer によって 3 回強制終了されました")))
			.andExpect(content().string(containsString("原因はおそらく perl で、mysqld は巻き込まれただけです")));
	}

	@Test
	void answersTheOomLogApiWithTheIncidentInOneBodyOrInTwoFields() throws Exception {
		this.mvc.perform(post("/api/v1/oom-log").contentType(MediaType.TEXT_PLAIN)
				.content(IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_KERNEL + IncidentLogs.SEED_ERROR_LOG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.story.code").value("LOOP"))
			.andExpect(jsonPath("$.story.kills").value(3))
			.andExpect(jsonPath("$.story.restarts").value(3))
			.andExpect(jsonPath("$.timeline.clock").value("SHIFTED"))
			.andExpect(jsonPath("$.timeline.entries.length()").value(20))
			.andExpect(jsonPath("$.events[0].databaseTask.name").value("mysqld"))
			.andExpect(jsonPath("$.events[0].diagnosis.code").value("DB_VICTIM_OTHER_GREW"))
			.andExpect(jsonPath("$.restartLoops[0].evidence").value("KERNEL_LOG"));
		String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(java.util.Map.of("kernelLog",
				IncidentLogs.SEED_KERNEL, "serverLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG));
		this.mvc.perform(post("/api/v1/oom-log").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.story.code").value("LOOP"))
			.andExpect(jsonPath("$.timeline.entries[2].kind").value("OOM_KILL"))
			.andExpect(jsonPath("$.timeline.entries[2].input").value("log"))
			.andExpect(jsonPath("$.timeline.entries[3].input").value("serverLog"))
			.andExpect(jsonPath("$.timeline.entries[3].line").value(1));
	}

	@Test
	void switchingLanguageKeepsTheServerLogAndTheStory() throws Exception {
		String english = this.mvc.perform(post("/host").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("kernelLog", IncidentLogs.SEED_KERNEL).param("serverLog", IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG))
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/host\\?result=[A-Za-z0-9_-]{22}&(?:amp;)?lang=ja").matcher(english);
		org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
		this.mvc.perform(get(link.group().replace("&amp;", "&")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mysqld は 14 分 11 秒 の間に OOM killer によって 3 回強制終了されました")))
			.andExpect(content().string(containsString("Scheduled restart job, restart counter is at 3.")));
	}

	@Test
	void answersTheHostApiFromTextOrJson() throws Exception {
		this.mvc.perform(post("/api/v1/host?worstCase=2G").contentType(MediaType.TEXT_PLAIN).content(SNAPSHOT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rankingNow.ranked[0].process.name").value("mysqld"))
			.andExpect(jsonPath("$.rankingNow.ranked[0].points").value(230912))
			.andExpect(jsonPath("$.rankingWithProposal.ranked[0].process.name").value("node"));
		this.mvc.perform(post("/api/v1/host").contentType(MediaType.APPLICATION_JSON)
				.content("{\"snapshot\":\"nonsense\",\"proposedOomScoreAdj\":\"-600\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("snapshot"));
	}

}
