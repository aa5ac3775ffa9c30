package dev.memplan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver). Both paths are set so that
 * Selenium Manager never goes to the network. Absent locally, tests skip with the reason; under
 * CI=true they fail instead, because CI installs them.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MEMPLAN_CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MEMPLAN_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Browser() {
	}

	public static ChromeDriver start(int width, int height) throws IOException {
		return start(width, height, true);
	}

	/** A phone: a real 375 × 812 CSS-pixel viewport (headless windows cannot be narrower than 500 px). */
	public static ChromeDriver startPhone() throws IOException {
		return start(375, 812, true, true);
	}

	/** @param javascript false starts Chromium with scripts disabled, to prove the pages work without them */
	public static ChromeDriver start(int width, int height, boolean javascript) throws IOException {
		return start(width, height, javascript, false);
	}

	private static ChromeDriver start(int width, int height, boolean javascript, boolean phone) throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && !"true".equals(System.getenv("CI"))) {
			Assumptions.abort("SKIPPED: no headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "); .ci/run installs them (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
				"--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("memplan-chromium"));
		if (!javascript) {
			options.addArguments("--blink-settings=scriptEnabled=false");
		}
		if (phone) {
			options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
					java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * A browser whose page area (window.innerWidth × innerHeight) is exactly {@code width × height}
	 * CSS pixels: a headless window's size includes its frame, so the viewport is set through the
	 * DevTools protocol; it holds for every page the tab opens.
	 */
	public static ChromeDriver startWithViewport(int width, int height) throws IOException {
		ChromeDriver driver = start(width, height);
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		return driver;
	}

	/** Waits (up to 15 s) for an element of the page the last click navigated to. */
	public static WebElement await(ChromeDriver driver, By locator) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	/** Clicks a submit button and waits until the page it leaves is gone. */
	public static void submit(ChromeDriver driver) {
		WebElement html = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		awaitNewPage(driver, html);
	}

	/**
	 * Waits until {@code oldRoot} belongs to a page that is gone. Chromium 156 answers a question
	 * about a node of the old page either "stale element" or, while it swaps documents, "Node with
	 * given id does not belong to the document"; both mean the new page is there.
	 */
	public static void awaitNewPage(ChromeDriver driver, WebElement oldRoot) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> {
			try {
				oldRoot.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Runs axe-core in the page and returns the serious and critical violations as
	 * "rule (impact): help × nodes" lines; an empty list is a pass.
	 */
	public static java.util.List<String> seriousAccessibilityViolations(ChromeDriver driver) throws IOException {
		String axe;
		try (var in = Browser.class.getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		driver.executeScript(axe);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
				+ "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
				+ "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' x ' + v.nodes.length + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3).join(', '); }));"
				+ "}).catch(function (e) { done(['axe failed: ' + e]); });");
		@SuppressWarnings("unchecked")
		java.util.List<String> violations = (java.util.List<String>) result;
		return violations;
	}

	/** Keeps a screenshot under target/screenshots for a person to look at. */
	public static Path screenshot(ChromeDriver driver, String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return file;
	}

}
