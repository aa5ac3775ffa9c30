package dev.memplan.web.hostcheck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.HostSnapshots;
import dev.memplan.support.Browser;
import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;

/** The Host & OOM page in a real Chromium: paste a log and a snapshot, read the events and the ranking. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostPageIntegrationTests {

	@LocalServerPort
	private int port;

	private ChromeDriver driver;

	@BeforeEach
	void startBrowser() throws Exception {
		this.driver = Browser.start(1280, 2400);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void readsAPastedLogAndSnapshot() throws Exception {
		String log = Files.readString(Corpus.file("oom", "gh-issue-dockerfile-mariadb-12__hand-pasted-messy.log"), StandardCharsets.UTF_8);
		this.driver.get("http://localhost:" + this.port + "/host");
		// typing 600 lines key by key is slow: set the values as a paste would
		JavascriptExecutor js = this.driver;
		js.executeScript("document.getElementById('kernelLog').value = arguments[0];"
				+ "document.getElementById('snapshot').value = arguments[1];", log, HostSnapshots.WORKED_EXAMPLE);
		Browser.submit(this.driver);
		assertThat(this.driver.findElement(By.id("events-title")).getText()).isEqualTo("4 OOM event(s) in the log");
		assertThat(this.driver.findElements(By.cssSelector("td.victim")).get(0).getText()).isEqualTo("mysqld (pid 16765)");
		// three servers in one paste (docs/oom.md#restart-loops): three kills, no restart loop, and a request for the server's log
		assertThat(this.driver.findElement(By.id("story")).getText()).startsWith("mysqld was killed by the OOM killer 3 times")
			.contains("paste the server's error log");
		assertThat(this.driver.getPageSource()).doesNotContain("RESTART LOOP");
		assertThat(this.driver.findElement(By.cssSelector(".ranking-table tbody tr th")).getText()).isEqualTo("mysqld (1200)");
		Browser.screenshot(this.driver, "host-oom");
	}

}
