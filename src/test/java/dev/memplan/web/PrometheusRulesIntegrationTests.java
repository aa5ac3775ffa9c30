package dev.memplan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alert rules, checked by Prometheus's own promtool: they load, and their unit tests
 * (docs/prometheus/memplan-alerts.test.yml) pass. Skips when promtool is absent, unless CI=true.
 */
class PrometheusRulesIntegrationTests {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private static final Path RULES = Path.of("docs/prometheus/memplan-alerts.yml");

	@BeforeAll
	static void requirePromtool() {
		if (!Files.isExecutable(PROMTOOL)) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(PROMTOOL + " is missing; .ci/run should have installed the prometheus package");
			}
			Assumptions.abort("SKIPPED: " + PROMTOOL + " is not installed here (apt-get install prometheus)");
		}
	}

	@Test
	void theRulesLoad() throws Exception {
		String out = promtool("check", "rules", RULES.toString());
		assertThat(out).contains("SUCCESS: 4 rules found");
	}

	@Test
	void theRulesPassTheirUnitTests() throws Exception {
		String out = promtool("test", "rules", "docs/prometheus/memplan-alerts.test.yml");
		assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void promtoolCatchesABrokenRule() throws Exception {
		Path broken = Files.createTempFile("memplan-alerts", ".yml");
		Files.writeString(broken, Files.readString(RULES).replace("memplan_target_up == 0", "memplan_target_up == == 0"));
		Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", broken.toString()).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isNotZero();
	}

	private static String promtool(String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

}
