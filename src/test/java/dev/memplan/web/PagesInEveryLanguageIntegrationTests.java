package dev.memplan.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.Browser;
import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in every language in a real Chromium: an axe-core audit with no serious or critical
 * violation, a screenshot in target/screenshots, and no horizontal scrolling at 375 px outside
 * code blocks and tables (which scroll inside their own box).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesInEveryLanguageIntegrationTests {

	@LocalServerPort
	private int port;

	private ChromeDriver driver;

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void audit(String name) throws Exception {
		assertThat(Browser.seriousAccessibilityViolations(this.driver)).as(name).isEmpty();
		Browser.screenshot(this.driver, name);
	}

	private void visitEveryPage(String lang, String suffix) throws Exception {
		this.driver.get(url("/?server=mariadb-10.11&hostRam=2G&expectedConnections=40&lang=" + lang));
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
		this.driver.findElement(By.cssSelector("#edit-inputs > summary")).click();
		this.driver.findElement(By.cssSelector("details.variables summary")).click();
		audit("planner-" + lang + suffix);
		this.driver.get(url("/?lang=" + lang));
		this.driver.findElement(By.cssSelector("details.import summary")).click();
		audit("planner-form-" + lang + suffix);
		this.driver.get(url("/live?lang=" + lang));
		audit("live-" + lang + suffix);
		this.driver.get(url("/host?lang=" + lang));
		this.driver.executeScript("document.getElementById('snapshot').value = arguments[0];", HostSnapshots.WORKED_EXAMPLE);
		Browser.submit(this.driver);
		Browser.await(this.driver, By.id("risk-title"));
		audit("host-" + lang + suffix);
		this.driver.get(url("/no-such-page?lang=" + lang));
		audit("not-found-" + lang + suffix);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN", "ja" })
	void everyPageOnALaptop(String lang) throws Exception {
		this.driver = Browser.start(1280, 1800);
		visitEveryPage(lang, "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN", "ja" })
	void everyPageOnAPhoneWithoutHorizontalScrolling(String lang) throws Exception {
		this.driver = Browser.startPhone();
		for (String path : new String[] { "/?server=mysql-8.0&hostRam=16G&max_connections=500&lang=", "/live?lang=", "/host?lang=" }) {
			this.driver.get(url(path + lang));
			Number width = (Number) this.driver.executeScript("return document.documentElement.clientWidth;");
			Number overflow = (Number) this.driver.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(width.intValue()).as("viewport width").isEqualTo(375);
			assertThat(overflow.intValue()).as(path + lang + " scrolls sideways by").isLessThanOrEqualTo(0);
		}
		this.driver.get(url("/?server=mysql-8.0&hostRam=16G&max_connections=500&lang=" + lang));
		Browser.screenshot(this.driver, "planner-phone-" + lang);
	}

	@Test
	void worksWithTheKeyboardAloneAndShowsFocus() throws Exception {
		this.driver = Browser.start(1280, 1800);
		this.driver.get(url("/"));
		WebElement ram = this.driver.findElement(By.id("hostRam"));
		ram.click();
		ram.sendKeys("16G");
		ram.sendKeys(Keys.ENTER); // Enter in a field submits the form
		Browser.await(this.driver, By.id("verdict"));
		assertThat(this.driver.findElement(By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("FITS");
		// tab from the skip link to the first navigation link: the focused element draws a visible outline
		this.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement focused = this.driver.switchTo().activeElement();
		assertThat(focused.getAttribute("class")).contains("skip");
		String outline = (String) this.driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle;");
		assertThat(outline).isNotEqualTo("none");
	}

	@Test
	void plansWithJavaScriptSwitchedOff() throws Exception {
		this.driver = Browser.start(1280, 1800, false);
		this.driver.get(url("/?lang=ja"));
		this.driver.findElement(By.id("hostRam")).sendKeys("2G");
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id("server"))).selectByValue("mariadb-10.11");
		Browser.submit(this.driver);
		// MariaDB 10.11 defaults on 2 GiB: a worst case of about 15.7 GiB → OVERCOMMITTED (ExpectedBudget)
		assertThat(Browser.await(this.driver, By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("メモリ超過");
		assertThat(this.driver.findElements(By.cssSelector("button.copy[hidden]"))).hasSize(1); // the copy button needs JavaScript
		Browser.screenshot(this.driver, "planner-no-javascript-ja");
	}

}
