package dev.memplan.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * MariaDB's own option-file parser as the oracle: my_print_defaults (what mariadbd reads) and
 * mariadbd --verbose --help (the values it would run with). Skips when absent, unless CI=true.
 */
public final class MariaDbTools {

	private static final Path MY_PRINT_DEFAULTS = Path.of("/usr/bin/my_print_defaults");

	private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

	private MariaDbTools() {
	}

	private static void require(Path tool) {
		if (!Files.isExecutable(tool)) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(tool + " is missing; .ci/run should have installed MariaDB");
			}
			Assumptions.abort("SKIPPED: " + tool + " is not installed here (apt-get install mariadb-server)");
		}
	}

	/** {@code my_print_defaults --defaults-file=F --mysqld}: one {@code --name=value} per option read. */
	public static List<String> printDefaults(Path file) throws IOException, InterruptedException {
		require(MY_PRINT_DEFAULTS);
		String out = run(List.of(MY_PRINT_DEFAULTS.toString(), "--defaults-file=" + file, "--mysqld"));
		List<String> lines = new ArrayList<>(out.lines().toList());
		return lines;
	}

	/** The effective values mariadbd would start with, from its --verbose --help table. */
	public static Map<String, String> effectiveValues(Path file) throws IOException, InterruptedException {
		require(MARIADBD);
		Path datadir = Files.createTempDirectory("memplan-empty-datadir");
		String out = run(List.of(MARIADBD.toString(), "--defaults-file=" + file, "--verbose", "--help", "--datadir=" + datadir));
		Map<String, String> values = new LinkedHashMap<>();
		boolean inTable = false;
		for (String line : out.lines().toList()) {
			if (line.startsWith("-------")) {
				inTable = true;
				continue;
			}
			if (inTable && !line.isBlank()) {
				String[] parts = line.split("\\s+", 2);
				values.put(parts[0].replace('-', '_'), (parts.length > 1) ? parts[1].strip() : "");
			}
		}
		return values;
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		process.getOutputStream().close();
		byte[] out = process.getInputStream().readAllBytes();
		process.getErrorStream().readAllBytes();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(command.get(0) + " did not finish");
		}
		return new String(out, StandardCharsets.UTF_8);
	}

}
