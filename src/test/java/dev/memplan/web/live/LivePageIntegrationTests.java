package dev.memplan.web.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.Browser;
import dev.memplan.support.LocalMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/** From the page, in a real Chromium, to the local MariaDB and back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePageIntegrationTests {

	@LocalServerPort
	private int port;

	private ChromeDriver driver;

	@BeforeAll
	static void createUser() throws Exception {
		LocalMariaDb.createProbeUser();
	}

	@BeforeEach
	void startBrowser() throws Exception {
		this.driver = Browser.start(1280, 2000);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void connectsFromThePageAndShowsTheThreeFigures() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/live");
		this.driver.findElement(By.id("host")).sendKeys(LocalMariaDb.HOST);
		this.driver.findElement(By.id("user")).sendKeys(LocalMariaDb.USER);
		this.driver.findElement(By.id("password")).sendKeys(LocalMariaDb.PASSWORD);
		this.driver.findElement(By.id("hostRam")).sendKeys("16G");
		Browser.submit(this.driver);
		assertThat(this.driver.findElement(By.id("live-figures-title")).getText()).startsWith("MariaDB 10.11");
		assertThat(this.driver.findElement(By.id("live-worst")).getText()).endsWith("GiB");
		assertThat(this.driver.findElement(By.id("live-measured")).getText()).endsWith("MiB");
		assertThat(this.driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
		assertThat(this.driver.getPageSource()).doesNotContain(LocalMariaDb.PASSWORD);
		Browser.screenshot(this.driver, "live-mariadb");
	}

	@Test
	void showsAWrongPasswordAsAMessage() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/live");
		this.driver.findElement(By.id("host")).sendKeys(LocalMariaDb.HOST);
		this.driver.findElement(By.id("user")).sendKeys(LocalMariaDb.USER);
		this.driver.findElement(By.id("password")).sendKeys("not-the-password");
		this.driver.findElement(By.id("hostRam")).sendKeys("16G");
		Browser.submit(this.driver);
		String seen = LocalMariaDb.scalar("SELECT SUBSTRING_INDEX(USER(), '@', -1)");
		assertThat(this.driver.findElement(By.id("probe-failure")).getText())
			.startsWith("The server at 127.0.0.1:3306 refused 'memplan_probe'@'" + seen + "', the user and the host as the server saw them");
		assertThat(this.driver.findElement(By.id("probe-denied-sql")).getText())
			.startsWith("CREATE USER 'memplan_probe'@'" + seen + "' IDENTIFIED BY '<new password>';");
		assertThat(this.driver.getPageSource()).doesNotContain("not-the-password");
	}

}
