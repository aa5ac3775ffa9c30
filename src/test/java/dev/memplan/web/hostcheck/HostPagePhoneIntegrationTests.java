package dev.memplan.web.hostcheck;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.Browser;
import dev.memplan.support.IncidentLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OOM page's incident on a 375 × 812 phone in a real Chromium: the seed incident's whole
 * timeline (kernel log, journal and MySQL 8.0 error log) reads without sideways scrolling and
 * without a cut line, in English and in Japanese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostPagePhoneIntegrationTests {

	@LocalServerPort
	private int port;

	private ChromeDriver driver;

	@BeforeEach
	void startPhone() throws Exception {
		this.driver = Browser.startPhone();
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ja" })
	void theTimelineReadsOnAPhone(String lang) throws Exception {
		this.driver.get("http://localhost:" + this.port + "/host?lang=" + lang);
		this.driver.executeScript("document.getElementById('kernelLog').value = arguments[0];"
				+ "document.getElementById('serverLog').value = arguments[1];", IncidentLogs.SEED_KERNEL,
				IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG);
		Browser.submit(this.driver);
		Browser.await(this.driver, By.id("timeline-title"));
		Browser.screenshot(this.driver, "host-timeline-phone-" + lang);
		// the outermost boxes that stick out, to say what to fix when this fails
		Object wide = this.driver.executeScript("var out = [];"
				+ " document.querySelectorAll('main *').forEach(function (e) { var r = e.getBoundingClientRect();"
				+ "   if (r.right > 375.5 && e.parentElement.getBoundingClientRect().right <= 375.5) {"
				+ "     out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); } });"
				+ " return out.join('; ');");
		assertThat(((Number) this.driver.executeScript("return document.documentElement.scrollWidth;")).intValue())
			.as("no sideways scrolling; sticking out: " + wide).isLessThanOrEqualTo(375);
		// a phone's layout viewport widens to a page wider than the screen: 375 only when nothing sticks out
		assertThat(((Number) this.driver.executeScript("return window.innerWidth;")).intValue()).isEqualTo(375);
		// every timeline entry, each of its cells and everything inside them: within the viewport, and no box
		// holds more than it shows (a cut line scrolls or overflows its box: scrollWidth > clientWidth)
		@SuppressWarnings("unchecked")
		List<String> problems = (List<String>) this.driver.executeScript("var out = [], rows = 0, boxes = 0;"
				+ " document.querySelectorAll('table.timeline tbody tr').forEach(function (tr) { rows++;"
				+ "   [tr].concat(Array.from(tr.querySelectorAll('*'))).forEach(function (e) {"
				+ "     var r = e.getBoundingClientRect(); if (r.width === 0 && r.height === 0) { return; } boxes++;"
				+ "     var what = e.tagName + ' in row ' + rows + ' (' + e.textContent.trim().substring(0, 40) + ')';"
				+ "     if (r.left < 0 || r.right > window.innerWidth) { out.push(what + ' at ' + Math.round(r.left) + '..' + Math.round(r.right)); }"
				+ "     if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) { out.push(what + ' holds ' + e.scrollWidth + ' px in ' + e.clientWidth); }"
				+ "   });"
				+ " });"
				+ " out.push(rows + ' rows, ' + boxes + ' boxes'); return out;");
		String counted = problems.remove(problems.size() - 1);
		// the seed incident's timeline has 20 entries (IncidentTimelineTests: 2 before, then 3 × kill, killed, restart,
		// start, recovery, ready)
		assertThat(counted).startsWith("20 rows, ");
		assertThat(problems).isEmpty();
		// the first kill's entry to its end: the kill line's anon-rss 2811220 kB is 2.7 GiB
		assertThat(this.driver.findElements(By.cssSelector("table.timeline tbody tr")).get(2).getText())
			.endsWith("Killed process 2211 (mysqld), resident 2.7 GiB");
	}

}
