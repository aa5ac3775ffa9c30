package dev.memplan.oom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot script run for real on this machine with POSIX sh, and its output read back. */
class HostSnapshotScriptIntegrationTests {

	@Test
	void runsUnderPosixShAndIsReadBack() throws Exception {
		Path script = Path.of("src/main/resources/host/memplan-host-snapshot.sh");
		Process process = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		HostSnapshot snapshot = new HostSnapshotParser().parse(out);
		long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter((l) -> l.startsWith("MemTotal:"))
			.map((l) -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
		assertThat(snapshot.memTotalBytes()).isEqualTo(memTotalKb * 1024);
		// /proc files report size 0: read them as a stream, not with Files.readString
		try (var in = Files.newInputStream(Path.of("/proc/sys/vm/swappiness"))) {
			assertThat(snapshot.swappiness()).isEqualTo(Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip()));
		}
		long self = ProcessHandle.current().pid();
		assertThat(snapshot.processes()).anyMatch((p) -> p.pid() == self && p.residentBytes() > 0);
	}

}
