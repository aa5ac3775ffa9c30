package dev.memplan.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.support.FakeMySqlServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The live use case: how many probes run at once, and what happens to one more. */
class LivePlanServiceTests {

	private static final PlanQuery HOST = new PlanQuery(null, "16G", null, null, null, null, Map.of());

	private static LiveTarget target(int port) {
		return LiveTarget.of("127.0.0.1", Integer.toString(port), "memplan", "secret".toCharArray(), "PREFERRED");
	}

	@Test
	void turnsAwayAProbeBeyondTheLimitAtOnceAndTakesOneAgainWhenASlotIsFree() throws Exception {
		LivePlanService service = new LivePlanService(new LiveProbeSettings(true, null, List.of(), Duration.ofSeconds(2),
				Duration.ofSeconds(30), Duration.ofSeconds(2), 2), new PlanService());
		try (FakeMySqlServer silent = new FakeMySqlServer(new FakeMySqlServer.Silent());
				FakeMySqlServer plain = new FakeMySqlServer(new FakeMySqlServer.Plain("8.0.36"))) {
			List<CompletableFuture<LiveOutcome>> holding = List.of(
					CompletableFuture.supplyAsync(() -> service.probeAndPlan(target(silent.port()), HOST)),
					CompletableFuture.supplyAsync(() -> service.probeAndPlan(target(silent.port()), HOST)));
			while (silent.connections() < 2) {
				Thread.sleep(10);
			}
			long start = System.nanoTime();
			LiveOutcome third = service.probeAndPlan(target(plain.port()), HOST);
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(third).isInstanceOf(LiveOutcome.Failed.class);
			ProbeFailure failure = ((LiveOutcome.Failed) third).failure();
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.BUSY);
			assertThat(failure.message()).contains("already reading 2 live servers");
			assertThat(millis).isLessThan(500); // not queued behind the two slow ones
			assertThat(plain.connections()).isZero();
			for (CompletableFuture<LiveOutcome> probe : holding) {
				assertThat(((LiveOutcome.Failed) probe.get()).failure().kind()).isEqualTo(ProbeFailure.Kind.TIMED_OUT);
			}
			assertThat(service.probeAndPlan(target(plain.port()), HOST)).isInstanceOf(LiveOutcome.Planned.class);
		}
	}

}
