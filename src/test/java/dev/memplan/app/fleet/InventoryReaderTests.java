package dev.memplan.app.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.memplan.app.LiveProbeSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryReaderTests {

	private static final Map<String, String> ENV = Map.of("MEMPLAN_FLEET_PASSWORD", "s3cret");

	private static final LiveProbeSettings ANY_HOST = new LiveProbeSettings(true, List.of(), Duration.ofSeconds(5),
			Duration.ofSeconds(15));

	@TempDir
	Path dir;

	private Inventory parse(String yaml) {
		return new InventoryReader(ANY_HOST, ENV).parse(yaml, "fleet.yml", this.dir);
	}

	private InventoryException failure(String yaml) {
		return failure(ANY_HOST, yaml);
	}

	private InventoryException failure(LiveProbeSettings live, String yaml) {
		try {
			new InventoryReader(live, ENV).parse(yaml, "fleet.yml", this.dir);
		}
		catch (InventoryException ex) {
			return ex;
		}
		throw new AssertionError("the inventory was accepted");
	}

	@Test
	void readsTheIssuesExampleWithDefaults() {
		Inventory inventory = parse("""
				defaults: {user: memplan, passwordEnv: MEMPLAN_FLEET_PASSWORD, port: 3306, tls: PREFERRED}
				targets:
				  - {name: db1, host: db1.example.internal, hostRam: 128G, labels: {env: prod, cluster: orders}}
				  - {name: db2, host: 10.1.2.3, port: 3307, hostRam: 64G, expectedConnections: 400}
				""");
		assertThat(inventory.targets()).hasSize(2);
		FleetTarget db1 = inventory.targets().get(0);
		assertThat(db1.host()).isEqualTo("db1.example.internal");
		assertThat(db1.port()).isEqualTo(3306);
		assertThat(db1.user()).isEqualTo("memplan");
		assertThat(db1.password()).isEqualTo(new PasswordSource.FromEnv("MEMPLAN_FLEET_PASSWORD"));
		assertThat(db1.hostRamBytes()).isEqualTo(128L << 30); // 128 GiB
		assertThat(db1.labels()).containsEntry("env", "prod").containsEntry("cluster", "orders");
		assertThat(db1.line()).isEqualTo(3);
		assertThat(db1.deadline()).isEqualTo(Duration.ofSeconds(20)); // memplan.live.deadline's default, = 5 s + 15 s
		FleetTarget db2 = inventory.targets().get(1);
		assertThat(db2.port()).isEqualTo(3307);
		assertThat(db2.expectedConnections()).isEqualTo("400");
		assertThat(db2.labels()).isEmpty();
		assertThat(inventory.labelKeys()).containsExactly("cluster", "env");
	}

	@Test
	void aTargetsOwnTimeoutsReplaceTheLiveProbes() {
		Inventory inventory = parse("""
				targets:
				  - {name: far, host: 10.0.0.9, user: u, hostRam: 8G, connectTimeout: 500ms, socketTimeout: 2s}
				""");
		// memplan.live.deadline is 20 s, but this target's timeouts add up to 0.5 s + 2 s
		assertThat(inventory.targets().get(0).deadline()).isEqualTo(Duration.ofMillis(2500));
	}

	@Test
	void aTargetMayHaveItsOwnDeadline() {
		Inventory inventory = parse("""
				targets:
				  - {name: slow, host: 10.0.0.9, user: u, hostRam: 8G, deadline: 45s}
				""");
		assertThat(inventory.targets().get(0).deadline()).isEqualTo(Duration.ofSeconds(45));
		assertThat(failure("""
				targets:
				  - {name: bad, host: 10.0.0.8, user: u, hostRam: 8G, deadline: 11m}
				""").getMessage()).isEqualTo("fleet.yml:2: targets[0].deadline: a timeout is a number with ms, s or m,"
						+ " more than 0 and at most 10m (e.g. 5s)");
	}

	@Test
	void refusesAPasswordWrittenIntoTheFileNamingLineAndField() {
		InventoryException ex = failure("""
				targets:
				  - name: db1
				    host: db1
				    user: memplan
				    password: hunter2
				    hostRam: 16G
				""");
		assertThat(ex.line()).isEqualTo(5);
		assertThat(ex.field()).isEqualTo("targets[0].password");
		assertThat(ex.getMessage()).startsWith("fleet.yml:5: targets[0].password: passwords are never written")
			.doesNotContain("hunter2");
	}

	@Test
	void namesTheLineAndFieldOfABadPort() {
		InventoryException ex = failure("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G}
				  - {name: db2, host: db2, user: u, hostRam: 16G,
				     port: 70000}
				""");
		assertThat(ex.getMessage()).isEqualTo("fleet.yml:4: targets[1].port: a port is a number from 1 to 65535");
	}

	@Test
	void blamesTheDefaultsWhenTheBadValueIsInherited() {
		InventoryException ex = failure("""
				defaults:
				  tls: SOMETIMES
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G}
				""");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.field()).isEqualTo("defaults.tls");
	}

	@Test
	void refusesAPasswordFileOthersCanRead() throws IOException {
		Path secret = Files.writeString(this.dir.resolve("db.pw"), "s3cret\n");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
		InventoryException ex = failure("""
				targets:
				  - {name: db1, host: db1, user: u, passwordFile: db.pw, hostRam: 16G}
				""");
		assertThat(ex.field()).isEqualTo("targets[0].passwordFile");
		assertThat(ex.problem()).contains("can be read by its group or by everyone").contains("chmod 600");
	}

	@Test
	void readsAnOwnerOnlyPasswordFileWithoutItsLineBreak() throws IOException {
		Path secret = Files.writeString(this.dir.resolve("db.pw"), "s3cret\n");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
		Inventory inventory = parse("""
				targets:
				  - {name: db1, host: db1, user: u, passwordFile: db.pw, hostRam: 16G}
				""");
		assertThat(inventory.targets().get(0).password().read(Map.of())).containsExactly('s', '3', 'c', 'r', 'e', 't');
	}

	@Test
	void refusesAPasswordVariableThatIsNotSet() {
		InventoryException ex = failure("""
				targets:
				  - {name: db1, host: db1, user: u, passwordEnv: NOT_SET_HERE, hostRam: 16G}
				""");
		assertThat(ex.getMessage()).isEqualTo("fleet.yml:2: targets[0].passwordEnv: the environment variable NOT_SET_HERE is not set");
	}

	@Test
	void appliesTheLiveProbesAllowedHosts() {
		LiveProbeSettings lan = new LiveProbeSettings(true, List.of("10.0.0.0/8"), null, null);
		InventoryException ex = failure(lan, """
				targets:
				  - {name: inside, host: 10.1.2.3, user: u, hostRam: 16G}
				  - {name: outside, host: 192.168.1.5, user: u, hostRam: 16G}
				""");
		assertThat(ex.getMessage()).isEqualTo("fleet.yml:3: targets[1].host: 192.168.1.5 port 3306 is not in memplan.live.allowed-hosts");
	}

	@Test
	void aHostAndPortEntryAllowsThatHostOnThatPort() {
		LiveProbeSettings onePort = new LiveProbeSettings(true, List.of("db1:3306"), null, null);
		Inventory inventory = new InventoryReader(onePort, ENV).parse("""
				targets:
				  - {name: db1, host: db1, port: 3306, user: u, hostRam: 16G}
				""", "fleet.yml", this.dir);
		assertThat(inventory.targets()).extracting(FleetTarget::name).containsExactly("db1");
	}

	@Test
	void aHostAndPortEntryRefusesTheSameHostOnAnotherPort() {
		LiveProbeSettings onePort = new LiveProbeSettings(true, List.of("db1:3306"), null, null);
		InventoryException ex = failure(onePort, """
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G}
				  - {name: db1b, host: db1, port: 3307, user: u, hostRam: 16G}
				""");
		assertThat(ex.getMessage()).isEqualTo("fleet.yml:3: targets[1].host: db1 port 3307 is not in memplan.live.allowed-hosts");
	}

	/**
	 * Every refusal that touches a password names where it comes from (the variable, the file, the
	 * field) and never a secret: not the variable's value, not a password file's content, not a
	 * password written where a variable name or a password belongs.
	 */
	@Test
	void noRefusalEchoesASecret() throws IOException {
		Path readable = Files.writeString(this.dir.resolve("open.pw"), "file-s3cret\n");
		Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
		Path tooLong = Files.writeString(this.dir.resolve("long.pw"), "long-s3cret".repeat(1000));
		Files.setPosixFilePermissions(tooLong, PosixFilePermissions.fromString("rw-------"));
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		refusals.put("""
				defaults: {passwordEnv: MEMPLAN_FLEET_PASSWORD}
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, port: 0}
				""", "fleet.yml:3: targets[0].port: a port is a number from 1 to 65535");
		refusals.put("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, passwordEnv: MEMPLAN_FLEET_PASSWORD, passwordFile: open.pw}
				""", "fleet.yml:2: targets[0].passwordFile: give passwordEnv or passwordFile, not both");
		refusals.put("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, passwordEnv: "pw=Tr0ub4dor&3"}
				""", "fleet.yml:2: targets[0].passwordEnv: not an environment variable name");
		refusals.put("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, passwordFile: open.pw}
				""", "fleet.yml:2: targets[0].passwordFile: the password file " + readable
				+ " can be read by its group or by everyone; make it owner-only (chmod 600)");
		refusals.put("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, passwordEnv: MEMPLAN_FLEET_PASSWORD}
				  - {name: db2, host: db2, user: u, hostRam: 16G, password: "Tr0ub4dor&3"}
				""", "fleet.yml:3: targets[1].password: passwords are never written in the inventory;"
				+ " name an environment variable (passwordEnv) or an owner-only file (passwordFile)");
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			InventoryException ex = failure(refusal.getKey());
			assertThat(ex.getMessage()).isEqualTo(refusal.getValue())
				.doesNotContain("s3cret") // MEMPLAN_FLEET_PASSWORD's value, and both files' content
				.doesNotContain("Tr0ub4dor");
		}
		// the too-long file is refused at the probe, not at start; its message names the file only
		PasswordSource source = parse("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, passwordFile: long.pw}
				""").targets().get(0).password();
		assertThatThrownBy(() -> source.read(ENV)).hasMessage("the password file " + tooLong + " is longer than 4096 bytes");
	}

	@Test
	void refusesDuplicateNamesUnknownKeysAndBadLabels() {
		assertThat(failure("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G}
				  - {name: db1, host: db2, user: u, hostRam: 16G}
				""").getMessage()).isEqualTo("fleet.yml:3: targets[1].name: the name db1 is used by an earlier target");
		assertThat(failure("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, ram: 8G}
				""").field()).isEqualTo("targets[0].ram");
		assertThat(failure("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, labels: {target: x}}
				""").field()).isEqualTo("targets[0].labels.target");
		assertThat(failure("""
				targets:
				  - {name: db1, host: db1, user: u, hostRam: 16G, labels: {my-label: x}}
				""").field()).isEqualTo("targets[0].labels.my-label");
	}

	@Test
	void namesTheLineOfBrokenYaml() {
		InventoryException ex = failure("""
				targets:
				  - {name: db1, host: db1
				  - {name: db2}
				""");
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.getMessage()).startsWith("fleet.yml:3: is not valid YAML");
	}

	@Test
	void requiresTargetsAndTheirHostRam() {
		assertThat(failure("defaults: {user: u}\n").field()).isEqualTo("targets");
		assertThat(failure("""
				targets:
				  - {name: db1, host: db1, user: u}
				""").getMessage()).isEqualTo("fleet.yml:2: targets[0].hostRam: hostRam is required");
	}

}
