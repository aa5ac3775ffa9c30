package dev.memplan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;

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

	@Test
	void theFailureAnalysisNamesTheFileToFix() {
		var analysis = new InventoryFailureAnalyzer().analyze(new IllegalStateException("wrapper",
				new InventoryException("/etc/memplan/fleet.yml", 7, "targets[1].port", "a port is a number from 1 to 65535")));
		assertThat(analysis.getDescription())
			.isEqualTo("The fleet inventory cannot be used: /etc/memplan/fleet.yml:7: targets[1].port: a port is a number from 1 to 65535");
		assertThat(analysis.getAction()).startsWith("Fix /etc/memplan/fleet.yml at line 7 (targets[1].port)");
	}

}
