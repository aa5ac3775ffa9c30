package dev.memplan.live;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.support.FakeMySqlServer;

import static org.assertj.core.api.Assertions.assertThat;

/** One probe is bounded in time and in what it reads, whatever the server does (a fake one here, on loopback). */
class LiveServerProbeBoundsTests {

	private static LiveServerProbe probe(Duration socketTimeout, Duration deadline) {
		return new LiveServerProbe(new AllowedHosts(List.of()), ProbeLimits.of(Duration.ofSeconds(2), socketTimeout, deadline));
	}

	private static ProbeResult probe(LiveServerProbe probe, FakeMySqlServer server) {
		return probe.probe(LiveTarget.of("127.0.0.1", Integer.toString(server.port()), "memplan", "secret".toCharArray(), "PREFERRED"));
	}

	private static ProbeFailure failure(ProbeResult result) {
		assertThat(result).isInstanceOf(ProbeResult.Failed.class);
		return ((ProbeResult.Failed) result).failure();
	}

	@Test
	void readsAServerThatBehaves() throws Exception {
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Plain("8.0.36"))) {
			ProbeResult result = probe(probe(Duration.ofSeconds(5), Duration.ofSeconds(10)), server);
			assertThat(result).isInstanceOf(ProbeResult.Connected.class);
			LiveSnapshot snapshot = ((ProbeResult.Connected) result).snapshot();
			assertThat(snapshot.version()).isEqualTo("8.0.36");
			assertThat(snapshot.variables()).containsEntry("max_connections", "151");
		}
	}

	@Test
	void stopsReadingAFloodOfLargeRowsAtTheByteCap() throws Exception {
		// the attack: 600,000 rows of 1 KB (600 MB) for SHOW GLOBAL VARIABLES
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Flood(600_000, 1024))) {
			long start = System.nanoTime();
			ProbeFailure failure = failure(probe(probe(Duration.ofSeconds(5), Duration.ofSeconds(20)), server));
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TOO_LARGE);
			assertThat(failure.message()).contains("more than 4 MiB for one statement");
			// 4 MiB / ~1 KiB a row is ~4,100 rows read; what the sockets buffered on top is a few MB at most
			assertThat(server.rowsSent()).isLessThan(20_000);
			assertThat(millis).isLessThan(10_000);
		}
	}

	@Test
	void stopsAtTheRowCapWhenTheRowsAreSmall() throws Exception {
		// 20,000 rows of ~20 bytes is 400 KB, under the byte cap, twice the row cap
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Flood(20_000, 4))) {
			ProbeFailure failure = failure(probe(probe(Duration.ofSeconds(5), Duration.ofSeconds(20)), server));
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TOO_LARGE);
			assertThat(failure.message()).contains("more than 10000 rows");
			assertThat(failure.args()).element(4).isEqualTo("10000 rows");
		}
	}

	@Test
	void endsAGreetingDrippedByteByByteAtTheDeadline() throws Exception {
		// a byte every 200 ms never trips a 2 s read timeout; the greeting (~80 bytes) would take 16 s
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Drip(200))) {
			long start = System.nanoTime();
			ProbeFailure failure = failure(probe(probe(Duration.ofSeconds(2), Duration.ofSeconds(2)), server));
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TIMED_OUT);
			assertThat(failure.message()).contains("within 2 s (memplan.live.deadline)");
			assertThat(millis).isBetween(1_900L, 4_000L);
			// the watchdog closed the socket; the fake sees it when a write fails, which can take two drips (the
			// first write after the close may still be accepted): wait up to 2 s, not a fixed 300 ms
			long until = System.nanoTime() + 2_000_000_000L;
			while (server.openClients() > 0 && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			assertThat(server.openClients()).isZero();
		}
	}

	@Test
	void endsASilentServerAtTheDeadlineEvenWithALongReadTimeout() throws Exception {
		try (FakeMySqlServer server = new FakeMySqlServer(new FakeMySqlServer.Silent())) {
			long start = System.nanoTime();
			ProbeFailure failure = failure(probe(probe(Duration.ofSeconds(30), Duration.ofSeconds(1)), server));
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TIMED_OUT);
			assertThat(millis).isBetween(900L, 3_000L);
		}
	}

}
