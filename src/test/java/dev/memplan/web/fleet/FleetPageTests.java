package dev.memplan.web.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.memplan.app.fleet.FleetScanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fleet page over three loopback targets that are all down (closed ports): rows, filter, languages. */
@SpringBootTest
@AutoConfigureMockMvc
class FleetPageTests {

	private static final int[] CLOSED = new int[3];

	static {
		for (int i = 0; i < CLOSED.length; i++) {
			try (ServerSocket free = new ServerSocket(0)) {
				CLOSED[i] = free.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FleetScanner scanner;

	@DynamicPropertySource
	static void inventory(DynamicPropertyRegistry registry) throws IOException {
		Path file = Files.createTempFile("fleet", ".yml");
		Files.writeString(file, """
				defaults: {user: memplan, hostRam: 16G}
				targets:
				  - {name: orders-1, host: 127.0.0.1, port: %d, labels: {env: prod, cluster: orders}}
				  - {name: billing-1, host: 127.0.0.1, port: %d, labels: {env: prod}}
				  - {name: lab-1, host: 127.0.0.1, port: %d, labels: {env: lab}}
				""".formatted(CLOSED[0], CLOSED[1], CLOSED[2]));
		registry.add("memplan.fleet.inventory", file::toString);
	}

	private Document page(String url) throws Exception {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.scanner.snapshot().scannedAt() == null && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		return Jsoup.parse(this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void listsEveryTargetWithItsLabelsAndWhyItIsDown() throws Exception {
		Document page = page("/fleet");
		assertThat(page.select("#fleet-summary").text())
			.startsWith("3 targets: 0 overcommitted, 0 tight, 3 down. Last full scan: 20");
		// no target has a plan: worst first falls back to names
		assertThat(page.select("#fleet-table tbody tr th a").eachText()).containsExactly("billing-1", "lab-1", "orders-1");
		assertThat(page.select("#target-orders-1 .label").eachText()).containsExactly("cluster=orders", "env=prod");
		assertThat(page.select("#target-orders-1 .down").text()).isEqualTo("down: connection refused");
		assertThat(page.select("#target-orders-1 .reason").text())
			.isEqualTo("Nothing accepts connections at 127.0.0.1:" + CLOSED[0] + ".");
		assertThat(page.select("#target-orders-1 th a").attr("href")).isEqualTo("/fleet/orders-1?lang=en");
		assertThat(page.select("nav[aria-label=Main] a[href^=/fleet]").text()).isEqualTo("Fleet");
	}

	@Test
	void filtersByOneLabel() throws Exception {
		Document page = page("/fleet?label=env=prod");
		assertThat(page.select("#fleet-table tbody tr th a").eachText()).containsExactly("billing-1", "orders-1");
		assertThat(page.select("#label option[selected]").text()).isEqualTo("env=prod");
		assertThat(page.select("#label option").eachText()).containsExactly("All targets", "cluster=orders", "env=lab", "env=prod");
	}

	@Test
	void speaksChineseAndJapanese() throws Exception {
		assertThat(page("/fleet?lang=zh-CN").select("#target-lab-1 .down").text()).isEqualTo("不可达：连接被拒绝");
		assertThat(page("/fleet?lang=ja").select("#target-lab-1 .down").text()).isEqualTo("ダウン：接続拒否");
		assertThat(page("/fleet?lang=ja").select("h1").text()).isEqualTo("フリート");
	}

	@Test
	void saysWhyATargetIsDownInThePagesLanguage() throws Exception {
		String address = "127.0.0.1:" + CLOSED[2];
		assertThat(page("/fleet?lang=zh-CN").select("#target-lab-1 .reason").text()).isEqualTo(address + " 上没有服务接受连接。");
		assertThat(page("/fleet?lang=ja").select("#target-lab-1 .reason").text()).isEqualTo(address + " で接続を受け付けるものがありません。");
		assertThat(page("/fleet/lab-1?lang=ja").select("#target-down").text())
			.isEqualTo("ダウン：接続拒否: " + address + " で接続を受け付けるものがありません。");
		// the API keeps the scanner's English sentence
		this.mvc.perform(get("/api/v1/fleet").header("Accept-Language", "ja"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.targets[2].error")
				.value("Nothing accepts connections at " + address + "."));
	}

	@Test
	void aTargetsPageSaysItHasNoPlanYet() throws Exception {
		Document page = page("/fleet/lab-1");
		assertThat(page.select("#target-title").text()).isEqualTo("lab-1: last scan");
		assertThat(page.select("#target-down").text()).startsWith("down: connection refused: Nothing accepts connections");
		assertThat(page.select("#target-none").text()).isEqualTo("No plan yet: the server has not answered a probe.");
		this.mvc.perform(get("/fleet/no-such-target")).andExpect(status().isNotFound());
	}

	@Test
	void scanNowStartsAScanAndComesBack() throws Exception {
		page("/fleet");
		this.mvc.perform(post("/fleet/scan").param("lang", "ja")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/fleet?lang=ja"));
	}

}
