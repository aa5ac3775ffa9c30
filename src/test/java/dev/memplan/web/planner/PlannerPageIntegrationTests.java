package dev.memplan.web.planner;

import java.util.List;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.memplan.core.ByteSize;
import dev.memplan.support.ExpectedBudget;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner in a real headless Chromium: fill the form, submit, read the verdict. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlannerPageIntegrationTests {

	@LocalServerPort
	private int port;

	private ChromeDriver driver;

	@BeforeEach
	void startBrowser() throws Exception {
		this.driver = Browser.start(1280, 1800);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void fillsTheFormSubmitsAndReadsTheVerdict() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/");
		new Select(this.driver.findElement(By.id("server"))).selectByValue("mariadb-10.11");
		this.driver.findElement(By.id("hostRam")).sendKeys("2G");
		Browser.submit(this.driver);
		// the form still showed MySQL 8.0's defaults, so MariaDB 10.11's apply: a worst case of
		// global + 152 × per connection (ExpectedBudget, about 15.7 GiB) > 2 GiB RAM
		WebElement verdict = this.driver.findElement(By.cssSelector("#verdict .verdict-word"));
		assertThat(verdict.getText()).isEqualTo("OVERCOMMITTED");
		assertThat(this.driver.findElement(By.id("worst-case")).getText())
			.isEqualTo(ByteSize.formatApproximate(ExpectedBudget.mariadb1011WorstCase()));
		assertThat(this.driver.findElement(By.id("permalink")).getText()).isEqualTo("/?server=mariadb-10.11&hostRam=2G");
		Browser.screenshot(this.driver, "planner-overcommitted");

		// max_connections stays in sight beside the verdict: no section to open
		WebElement maxConnections = this.driver.findElement(By.id("v-max_connections"));
		maxConnections.clear();
		maxConnections.sendKeys("10");
		Browser.submit(this.driver);
		// MariaDB's smallest max_connections: global + 11 × per connection (about 1.6 GiB) ≤ limit 0.85 × 2 GiB = 1.7 GiB
		long worst = ExpectedBudget.mariadb1011Global() + 11 * ExpectedBudget.mariadb1011PerConnection();
		assertThat(this.driver.findElement(By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("FITS");
		assertThat(this.driver.findElement(By.id("worst-case")).getText()).isEqualTo(ByteSize.formatApproximate(worst));
		assertThat(this.driver.getCurrentUrl()).contains("max_connections=10");
	}

	@Test
	void afterASubmitTheVerdictAndTheLeversAreInALaptopsFirstViewport() throws Exception {
		this.driver.quit();
		this.driver = Browser.startWithViewport(1280, 900);
		this.driver.get("http://localhost:" + this.port + "/");
		assertThat(this.driver.findElement(By.id("edit-inputs")).getAttribute("open")).as("open before the first plan").isNotNull();
		new Select(this.driver.findElement(By.id("server"))).selectByValue("mariadb-10.11");
		this.driver.findElement(By.id("hostRam")).sendKeys("8G");
		Browser.submit(this.driver);
		Browser.await(this.driver, By.id("verdict"));
		@SuppressWarnings("unchecked")
		List<Number> box = (List<Number>) this.driver.executeScript("var r = document.getElementById('verdict').getBoundingClientRect();"
				+ " return [window.innerWidth, window.innerHeight, window.scrollY, r.top, r.bottom];");
		assertThat(box.get(0).intValue()).isEqualTo(1280);
		assertThat(box.get(1).intValue()).isEqualTo(900);
		assertThat(box.get(2).intValue()).as("the page is not scrolled").isZero();
		// the whole verdict box, levers included, between the top and the bottom of the first 900 px
		assertThat(box.get(3).doubleValue()).isGreaterThan(0);
		assertThat(box.get(4).doubleValue()).isLessThanOrEqualTo(900);
		assertThat(this.driver.findElement(By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("OVERCOMMITTED");
		// stock MariaDB 10.11 on 8 GiB (PlannerPageTests has the same case and works out the numbers): the two
		// largest savings, tmp_table_size and sort_buffer_size down to their floors
		long saves = 152 * (ExpectedBudget.mariadb1011PerConnection() - ExpectedBudget.mariadb1011PerConnection(4 << 20));
		assertThat(this.driver.findElements(By.cssSelector("#verdict-levers li")).stream().map(WebElement::getText).toList())
			.containsExactly("tmp_table_size: 16 MiB \u2192 4 MiB, saves " + ByteSize.formatApproximate(saves),
					"sort_buffer_size: 2 MiB \u2192 256 KiB, saves " + ByteSize.formatApproximate(407_225_024L));
		// the inputs are folded, but max_connections and the per-connection buffers stay in sight
		assertThat(this.driver.findElement(By.id("edit-inputs")).getAttribute("open")).isNull();
		for (String name : List.of("max_connections", "sort_buffer_size", "join_buffer_size", "tmp_table_size")) {
			assertThat(this.driver.findElement(By.id("v-" + name)).isDisplayed()).as(name).isTrue();
		}
		assertThat(this.driver.findElement(By.id("mysqlShare")).isDisplayed()).as("folded into Edit inputs").isFalse();
		Browser.screenshot(this.driver, "planner-verdict-first-1280x900");
	}

	@Test
	void switchingLanguageKeepsAnImportedResult() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/");
		this.driver.findElement(By.cssSelector("details.import summary")).click();
		new Select(this.driver.findElement(By.id("import-server"))).selectByValue("mysql-8.0");
		this.driver.findElement(By.id("import-hostRam")).sendKeys("8G");
		this.driver.findElement(By.id("config")).sendKeys("[mysqld]\nmax_connections = 800\nsort_buffer_size = 4M\n");
		WebElement html = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(By.cssSelector(".import-form button[type=submit]")).click();
		Browser.awaitNewPage(this.driver, html);
		String worst = this.driver.findElement(By.id("worst-case")).getText();
		String verdict = this.driver.findElement(By.cssSelector("#verdict .verdict-word")).getText();
		assertThat(verdict).isEqualTo("OVERCOMMITTED"); // 801 slots × the 4M sort buffer and the rest on 8 GiB

		html = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(By.cssSelector("nav.languages a[hreflang=ja]")).click();
		Browser.awaitNewPage(this.driver, html);
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
		assertThat(this.driver.findElement(By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("メモリ超過");
		assertThat(this.driver.findElement(By.id("worst-case")).getText()).isEqualTo(worst);
		assertThat(this.driver.getPageSource()).contains("my.cnf:2"); // still the file's values, not a permalink's
		Browser.screenshot(this.driver, "planner-import-switched-to-ja");
	}

	@Test
	void onAPhoneEveryNumberOfTheReportIsOnScreen() throws Exception {
		this.driver.quit();
		this.driver = Browser.startPhone();
		// expected connections: the headline gets its expected peak; MariaDB on 8 GiB: the options table has two rows
		this.driver.get("http://localhost:" + this.port + "/?server=mariadb-10.11&hostRam=8G&expectedConnections=40");
		Browser.await(this.driver, By.id("verdict"));
		@SuppressWarnings("unchecked")
		List<String> offScreen = (List<String>) this.driver.executeScript("var out = [], n = 0;"
				+ " document.querySelectorAll('main tbody td.num, main tfoot td.num, main dd.num').forEach(function (c) {"
				+ "   var r = c.getBoundingClientRect(); if (r.width === 0) { return; } n++;"
				+ "   if (r.left < 0 || r.right > window.innerWidth) { out.push(c.closest('table, dl').className + ': ' + c.textContent.trim() + ' at ' + Math.round(r.left) + '..' + Math.round(r.right)); }"
				+ " });"
				+ " out.push('checked ' + n); return out;");
		Browser.screenshot(this.driver, "planner-phone-375");
		assertThat(((Number) this.driver.executeScript("return window.innerWidth;")).intValue()).isEqualTo(375);
		assertThat(((Number) this.driver.executeScript("return document.documentElement.scrollWidth;")).intValue())
			.as("no sideways scrolling").isEqualTo(375);
		// 21 terms + 3 totals + 2 options × 3 + 1 as configured × 3 + tier rows × 3 + variables + 8 headline figures: well over 60
		assertThat(offScreen.get(offScreen.size() - 1)).matches("checked [0-9]{2,3}");
		assertThat(Integer.parseInt(offScreen.get(offScreen.size() - 1).substring("checked ".length()))).isGreaterThan(60);
		assertThat(offScreen.subList(0, offScreen.size() - 1)).isEmpty();
		// the term table as cards: a term and its bytes share the first line, the explanation below
		WebElement pool = this.driver.findElement(By.cssSelector("table.items tbody tr:first-child"));
		double termTop = pool.findElement(By.cssSelector("th")).getRect().getY();
		assertThat((double) pool.findElement(By.cssSelector("td.num")).getRect().getY()).isEqualTo(termTop);
		assertThat((double) pool.findElement(By.cssSelector("td.why")).getRect().getY()).isGreaterThan(termTop);
	}

	@Test
	void inJapaneseTheScopeOfEveryTermStaysOnOneLine() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/?server=mariadb-10.11&hostRam=8G&lang=ja");
		Browser.await(this.driver, By.id("verdict"));
		Browser.screenshot(this.driver, "planner-ja-scope");
		List<WebElement> scopes = this.driver.findElements(By.cssSelector("table.items tbody .scope-text"));
		// MariaDB 10.11: 8 global terms, 12 per connection
		assertThat(scopes.stream().map(WebElement::getText).distinct().toList()).containsExactly("グローバル", "接続ごと");
		assertThat(scopes).hasSize(20);
		for (WebElement scope : scopes) {
			// one line: the inline block is as high as one line of the table's text, 0.95 × 16 px × 1.5 = 22.8 px
			assertThat((double) scope.getRect().getHeight()).as(scope.getText()).isCloseTo(22.8, org.assertj.core.data.Offset.offset(0.5));
			assertThat(scope.getCssValue("line-height")).isEqualTo("22.8px");
		}
	}

	@Test
	void showsABadFieldBesideItInTheBrowser() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/?server=mysql-8.0&hostRam=16G&sort_buffer_size=1.5G");
		WebElement input = this.driver.findElement(By.id("v-sort_buffer_size"));
		assertThat(input.getAttribute("value")).isEqualTo("1.5G");
		assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
		WebElement error = this.driver.findElement(By.xpath("//input[@id='v-sort_buffer_size']/following-sibling::p[@class='error']"));
		assertThat(error.getText()).contains("unknown suffix '.'");
		Browser.screenshot(this.driver, "planner-bad-field");
	}

}
