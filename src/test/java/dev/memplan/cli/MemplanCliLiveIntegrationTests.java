package dev.memplan.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.memplan.support.LocalMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/** memplan check --live against the local MariaDB. */
class MemplanCliLiveIntegrationTests {

	@BeforeAll
	static void createUser() throws Exception {
		LocalMariaDb.createProbeUser();
	}

	@Test
	void checksALiveServerWithThePasswordFromTheEnvironment() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new MemplanCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PROBE_PASSWORD", LocalMariaDb.PASSWORD))
			.run(List.of("check", "--live", "127.0.0.1:3306", "--user", LocalMariaDb.USER, "--password-env", "PROBE_PASSWORD",
					"--ram", "64G", "--format", "json"));
		String json = out.toString(StandardCharsets.UTF_8);
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(json).contains("\"server\" : \"mariadb-10.11\"").contains("\"origin\" : \"live\"")
			.contains("\"value\" : \"" + LocalMariaDb.scalar("SELECT @@max_connections") + "\"");
		assertThat(json + err).doesNotContain(LocalMariaDb.PASSWORD);
	}

	@Test
	void saysClearlyWhenTheServerRefusesTheLogin() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new MemplanCli(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PROBE_PASSWORD", "Cli-Wrong-4417"))
			.run(List.of("check", "--live", "127.0.0.1", "--user", LocalMariaDb.USER, "--password-env", "PROBE_PASSWORD",
					"--ram", "64G"));
		assertThat(code).isEqualTo(2);
		String account = "'memplan_probe'@'" + LocalMariaDb.scalar("SELECT SUBSTRING_INDEX(USER(), '@', -1)") + "'";
		// the sentence, then memplan's least-privileged account one statement a line
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("memplan: The server at 127.0.0.1:3306 refused " + account + ", ")
			.contains("\nA least-privileged account for memplan needs no privilege for the variables and the status;")
			.endsWith(":\n  CREATE USER " + account + " IDENTIFIED BY '<new password>';\n  GRANT SELECT ON performance_schema.* TO "
					+ account + ";  -- MySQL 8\n  GRANT PROCESS ON *.* TO "
					+ account + ";  -- MariaDB\n")
			.doesNotContain("Cli-Wrong-4417");
	}

}
