package dev.memplan.web.planner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.memplan.core.ByteSize;
import dev.memplan.support.ExpectedBudget;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

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

		this.driver.findElement(By.cssSelector("details.variables summary")).click();
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
