package dev.memplan.web.fleet;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.support.Browser;
import dev.memplan.support.LocalMariaDb;
import dev.memplan.support.SilentServer;
import dev.memplan.support.SpareMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet page in a real Chromium over real servers: the local MariaDB (FITS on a 256 GiB host), a
 * throw-away mariadbd with max_connections = 3000 (OVERCOMMITTED), a closed port and a silent one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FleetPageIntegrationTests {

	private static final int SPARE_PORT = 18307;

	private static SpareMariaDb spare;

	private static SilentServer silent;

	private static Path inventory;

	@LocalServerPort
	private int port;

	@Autowired
	private FleetScanner scanner;

	private ChromeDriver driver;

	@BeforeAll
	static void startServers() throws Exception {
		LocalMariaDb.createProbeUser();
		spare = SpareMariaDb.start(SPARE_PORT, List.of("--max-connections=3000"));
		silent = new SilentServer();
		int closed;
		try (ServerSocket free = new ServerSocket(0)) {
			closed = free.getLocalPort();
		}
		Path dir = Files.createTempDirectory("memplan-fleet-page");
		Path secret = Files.writeString(dir.resolve("probe.pw"), LocalMariaDb.PASSWORD);
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
		inventory = Files.writeString(dir.resolve("fleet.yml"), """
				defaults: {user: %s, passwordFile: probe.pw, hostRam: 16G}
				targets:
				  - {name: a-local, host: 127.0.0.1, port: 3306, hostRam: 256G, labels: {env: prod}}
				  - {name: b-closed, host: 127.0.0.1, port: %d, labels: {env: prod}}
				  - {name: c-silent, host: 127.0.0.1, port: %d, labels: {env: lab}, connectTimeout: 1s, socketTimeout: 2s, deadline: 3s}
				  - {name: d-spare, host: 127.0.0.1, port: %d, labels: {env: lab}}
				""".formatted(LocalMariaDb.USER, closed, silent.port(), SPARE_PORT));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("memplan.fleet.inventory", () -> inventory.toString());
	}

	@AfterAll
	static void stopServers() throws Exception {
		if (spare != null) {
			spare.close();
		}
		if (silent != null) {
			silent.close();
		}
	}

	@BeforeEach
	void startBrowser() throws Exception {
		this.driver = Browser.start(1400, 1600);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private void awaitScan() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while ((this.scanner.snapshot().scanning() || this.scanner.snapshot().scannedAt() == null) && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

	/**
	 * The row names once the page has settled: a click on a filter or a sort link navigates, and
	 * a read that starts on the old page finds its rows gone (stale), so it is read again.
	 */
	private List<String> names() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try {
				return this.driver.findElements(By.cssSelector("#fleet-table tbody th a")).stream().map((a) -> a.getText()).toList();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (System.nanoTime() > until) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	@Test
	void showsTheFleetWorstFirstAndLinksEachRowToItsReport() throws Exception {
		awaitScan();
		this.driver.get("http://localhost:" + this.port + "/fleet");
		// OVERCOMMITTED first, then the one that fits, then the two without a plan by name
		assertThat(names()).containsExactly("d-spare", "a-local", "b-closed", "c-silent");
		assertThat(this.driver.findElement(By.cssSelector("#target-d-spare .verdict-badge")).getText()).isEqualTo("OVERCOMMITTED");
		assertThat(this.driver.findElement(By.cssSelector("#target-d-spare .headroom")).getText()).startsWith("over by ");
		assertThat(this.driver.findElement(By.cssSelector("#target-a-local .headroom")).getText()).endsWith(" left");
		assertThat(this.driver.findElement(By.cssSelector("#target-c-silent .down")).getText()).isEqualTo("down: timed out");
		assertThat(this.driver.getPageSource()).doesNotContain(LocalMariaDb.PASSWORD);
		// the same axe-core audit as every other page (PagesInEveryLanguageIntegrationTests)
		assertThat(Browser.seriousAccessibilityViolations(this.driver)).as("fleet").isEmpty();
		Browser.screenshot(this.driver, "fleet");
		this.driver.findElement(By.linkText("a-local")).click();
		assertThat(this.driver.findElement(By.id("target-title")).getText()).isEqualTo("a-local: last scan");
		assertThat(Browser.seriousAccessibilityViolations(this.driver)).as("fleet target").isEmpty();
		assertThat(this.driver.findElement(By.id("live-figures-title")).getText()).startsWith("MariaDB 10.11");
		assertThat(this.driver.findElement(By.id("verdict")).getText()).startsWith("FITS");
	}

	@Test
	void filtersByLabelAndSortsByName() throws Exception {
		awaitScan();
		this.driver.get("http://localhost:" + this.port + "/fleet?lang=ja");
		new Select(this.driver.findElement(By.id("label"))).selectByVisibleText("env=lab");
		this.driver.findElement(By.cssSelector(".fleet-filter button")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("label="));
		assertThat(names()).containsExactly("d-spare", "c-silent");
		this.driver.findElement(By.linkText("対象")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("sort=name"));
		assertThat(names()).containsExactly("c-silent", "d-spare");
		assertThat(Browser.seriousAccessibilityViolations(this.driver)).as("fleet, ja").isEmpty();
	}

	@Test
	void showsProgressWhileAScanRuns() throws Exception {
		awaitScan();
		this.driver.get("http://localhost:" + this.port + "/fleet");
		this.driver.findElement(By.id("scan-now")).click();
		// the silent target holds the scan for its 3 s deadline: the page shows how far it got
		assertThat(Browser.await(this.driver, By.id("scan-progress")).getText()).startsWith("Scanning: ");
		assertThat(this.driver.findElement(By.id("scan-meter")).getAttribute("max")).isEqualTo("4");
		// the page reloads itself every 2 s while scanning, and stops once the scan is done
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (!this.driver.findElements(By.id("scan-progress")).isEmpty() && System.nanoTime() < until) {
			Thread.sleep(200);
		}
		assertThat(this.driver.findElements(By.id("scan-progress"))).isEmpty();
		assertThat(this.driver.findElement(By.id("fleet-summary")).getText()).startsWith("4 targets: 1 overcommitted, 0 tight, 2 down.");
	}

}
