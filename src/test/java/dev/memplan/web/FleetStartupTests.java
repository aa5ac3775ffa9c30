package dev.memplan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.memplan.MemplanApplication;
import dev.memplan.app.fleet.InventoryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad inventory stops memplan from starting, and says where. */
class FleetStartupTests {

	@TempDir
	Path dir;

	@Test
	void aPasswordInTheInventoryStopsTheStartNamingFileLineAndField() throws IOException {
		Path inventory = Files.writeString(this.dir.resolve("fleet.yml"), """
				targets:
				  - name: db1
				    host: 127.0.0.1
				    user: memplan
				    password: hunter2
				    hostRam: 16G
				""");
		assertThatThrownBy(() -> new SpringApplicationBuilder(MemplanApplication.class)
			.properties("server.port=0", "memplan.fleet.inventory=" + inventory)
			.run())
			.rootCause()
			.isInstanceOf(InventoryException.class)
			.hasMessage(inventory + ":5: targets[0].password: passwords are never written in the inventory;"
					+ " name an environment variable (passwordEnv) or an owner-only file (passwordFile)");
	}

	/**
	 * What an operator sees of a refused inventory (the exception and everything logged while
	 * memplan gives up) names the variable and the field, never a value: PATH stands in for a
	 * password variable because it is set in every environment the tests run in.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRefusedInventoryLogsNoSecret(CapturedOutput output) throws IOException {
		String variableValue = System.getenv("PATH");
		assertThat(variableValue).isNotBlank();
		Path inventory = Files.writeString(this.dir.resolve("fleet.yml"), """
				targets:
				  - {name: db1, host: 127.0.0.1, user: memplan, passwordEnv: PATH, hostRam: 16G}
				  - {name: db2, host: 127.0.0.1, user: memplan, password: "Tr0ub4dor&3", hostRam: 16G}
				""");
		Throwable thrown = null;
		try {
			new SpringApplicationBuilder(MemplanApplication.class).properties("server.port=0", "memplan.fleet.inventory=" + inventory)
				.run()
				.close();
		}
		catch (RuntimeException ex) {
			thrown = ex;
		}
		assertThat(thrown).isNotNull();
		java.io.StringWriter trace = new java.io.StringWriter();
		thrown.printStackTrace(new java.io.PrintWriter(trace));
		String everything = trace + "\n" + output.getAll();
		// the refusal itself was captured, so the checks below look at the right text
		assertThat(output.getAll()).contains("The fleet inventory cannot be used: " + inventory + ":3: targets[1].password:");
		assertThat(everything).doesNotContain("Tr0ub4dor").doesNotContain(variableValue);
	}

	@Test
	void theFailureAnalysisNamesTheFileToFix() {
		var analysis = new InventoryFailureAnalyzer().analyze(new IllegalStateException("wrapper",
				new InventoryException("/etc/memplan/fleet.yml", 7, "targets[1].port", "a port is a number from 1 to 65535")));
		assertThat(analysis.getDescription())
			.isEqualTo("The fleet inventory cannot be used: /etc/memplan/fleet.yml:7: targets[1].port: a port is a number from 1 to 65535");
		assertThat(analysis.getAction()).startsWith("Fix /etc/memplan/fleet.yml at line 7 (targets[1].port)");
	}

}
