package dev.memplan.app.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.memplan.app.ImportRequest;
import dev.memplan.app.LiveFigures;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.PlanQuery;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.live.ProbeFailure;

import static org.assertj.core.api.Assertions.assertThat;

class FleetScannerTests {

	private static final PlanResult PLAN = new PlanService().plan(PlanQuery.EMPTY.withServer("mariadb-10.11").withHostRam("16G"),
			new ImportRequest(null, Map.of(), null, null));

	private static final LiveOutcome PLANNED = new LiveOutcome.Planned(PLAN, null,
			new LiveFigures("10.11.6-MariaDB", "MariaDB", 3L, 1L, null, 300L << 20, List.of(), List.of(), null, null, 0L));

	private static FleetTarget target(String name, Duration connect, Duration socket) {
		return new FleetTarget(name, "10.0.0.1", 3306, "u", new PasswordSource.None(), "PREFERRED", "16G", 16L << 30, null,
				Map.of(), connect, socket, connect.plus(socket), 1);
	}

	private static Inventory inventory(int count) {
		List<FleetTarget> targets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			targets.add(target("db" + i, Duration.ofSeconds(1), Duration.ofSeconds(2)));
		}
		return Inventory.of("fleet.yml", targets);
	}

	private static FleetScanner scanner(Inventory inventory, int concurrency, TargetProber prober) {
		return new FleetScanner(inventory, new FleetSettings(Duration.ofMinutes(5), concurrency, Shard.ALL), prober,
				Clock.systemUTC());
	}

	@Test
	void probesAtMostConcurrencyTargetsAtOnce() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		try (FleetScanner scanner = scanner(inventory(40), 4, (target) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			sleep(30);
			running.decrementAndGet();
			return PLANNED;
		})) {
			FleetSnapshot snapshot = scanner.scanNow();
			assertThat(most.get()).isEqualTo(4);
			assertThat(snapshot.done()).isEqualTo(40);
			assertThat(snapshot.targets()).allMatch(TargetStatus::up);
			assertThat(snapshot.scannedAt()).isNotNull();
			assertThat(snapshot.lastScanDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(300)); // 40 / 4 × 30 ms
		}
	}

	@Test
	void aSilentTargetIsEndedAtItsOwnDeadlineAndDelaysNoOther() {
		FleetTarget silent = target("silent", Duration.ofMillis(100), Duration.ofMillis(200));
		List<FleetTarget> targets = new ArrayList<>(List.of(silent));
		inventory(20).targets().forEach(targets::add);
		Map<String, Long> answeredAfter = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		try (FleetScanner scanner = scanner(Inventory.of("fleet.yml", targets), 2, (target) -> {
			if (target.name().equals("silent")) {
				sleep(30_000); // a server that accepts and never answers
			}
			sleep(10);
			answeredAfter.put(target.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			return PLANNED;
		})) {
			FleetSnapshot snapshot = scanner.scanNow();
			long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			TargetStatus down = snapshot.target("silent").orElseThrow();
			assertThat(down.up()).isFalse();
			assertThat(down.errorKind()).isEqualTo("TIMED_OUT");
			// deadline 100 ms + 200 ms, plus the scanner's 1 s of grace for the probe to say why
			assertThat(down.error()).isEqualTo("The server at 10.0.0.1:3306 did not finish answering within 0 s.");
			assertThat(took).isBetween(1300L, 5000L);
			// the other 20 went through the second slot, 10 ms each, long before the silent one's deadline
			assertThat(answeredAfter).hasSize(20);
			assertThat(answeredAfter.values()).allMatch((ms) -> ms < 1000);
		}
	}

	@Test
	void aTargetThatGoesDownKeepsItsLastPlanMarkedStaleWithTheReason() {
		AtomicInteger calls = new AtomicInteger();
		try (FleetScanner scanner = scanner(inventory(1), 1, (target) -> (calls.incrementAndGet() == 1) ? PLANNED
				: new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.REFUSED, "Nothing accepts connections at 10.0.0.1:3306.")))) {
			TargetStatus first = scanner.scanNow().targets().get(0);
			assertThat(first.up()).isTrue();
			assertThat(first.stale()).isFalse();
			TargetStatus second = scanner.scanNow().targets().get(0);
			assertThat(second.up()).isFalse();
			assertThat(second.stale()).isTrue();
			assertThat(second.plan()).isSameAs(first.plan());
			assertThat(second.errorKind()).isEqualTo("REFUSED");
			assertThat(second.error()).isEqualTo("Nothing accepts connections at 10.0.0.1:3306.");
			assertThat(second.checkedAt()).isAfterOrEqualTo(first.checkedAt());
		}
	}

	@Test
	void aProbeThatThrowsIsThatTargetsReason() {
		try (FleetScanner scanner = scanner(inventory(2), 2, (target) -> {
			if (target.name().equals("db0")) {
				throw new IllegalStateException("catalog has no such server");
			}
			return PLANNED;
		})) {
			FleetSnapshot snapshot = scanner.scanNow();
			assertThat(snapshot.targets().get(0).errorKind()).isEqualTo("FAILED");
			assertThat(snapshot.targets().get(0).error()).isEqualTo("Planning db0 failed: catalog has no such server");
			assertThat(snapshot.targets().get(1).up()).isTrue();
		}
	}

	/** A clock whose first {@code failures} readings throw: the scanner's only outside call that is not a probe. */
	private static Clock failingFirst(int failures) {
		AtomicInteger readings = new AtomicInteger();
		return new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public java.time.Instant instant() {
				if (readings.incrementAndGet() <= failures) {
					throw new IllegalStateException("clock reading " + readings.get() + " fails");
				}
				return java.time.Instant.now();
			}
		};
	}

	@Test
	void aTargetWhoseResultCannotBeRecordedStillEndsTheScan() {
		// one slot: db0 is recorded first, and that recording throws (the clock's first reading)
		try (FleetScanner scanner = new FleetScanner(inventory(2), new FleetSettings(Duration.ofMinutes(5), 1, Shard.ALL),
				(target) -> PLANNED, failingFirst(1))) {
			FleetSnapshot snapshot = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
					scanner::scanNow);
			assertThat(snapshot.done()).isEqualTo(2);
			assertThat(snapshot.scanning()).isFalse();
			assertThat(snapshot.scannedAt()).isNotNull();
			assertThat(snapshot.targets().get(0).checked()).isFalse(); // its answer was lost, not made up
			assertThat(snapshot.targets().get(1).up()).isTrue();
		}
	}

	@Test
	void aScanThatThrowsDoesNotStopTheNextScan() throws InterruptedException {
		// one target: the first scan's two clock readings (recording db0, then the scan's end) throw,
		// so the first scan itself throws; the next, one interval (1 s) later, must still run
		AtomicInteger probes = new AtomicInteger();
		try (FleetScanner scanner = new FleetScanner(inventory(1), new FleetSettings(Duration.ofSeconds(1), 1, Shard.ALL),
				(target) -> {
					probes.incrementAndGet();
					return PLANNED;
				}, failingFirst(2))) {
			scanner.start();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (scanner.scannedAt() == null && System.nanoTime() < until) {
				sleep(20);
			}
			assertThat(scanner.scannedAt()).isNotNull();
			assertThat(probes.get()).isGreaterThanOrEqualTo(2);
			assertThat(scanner.snapshot().targets().get(0).up()).isTrue();
		}
	}

	@Test
	void aListenerThatThrowsNeitherSilencesTheOthersNorStopsTheScans() throws InterruptedException {
		CountDownLatch twoScans = new CountDownLatch(2);
		try (FleetScanner scanner = new FleetScanner(inventory(1), new FleetSettings(Duration.ofSeconds(1), 1, Shard.ALL),
				(target) -> PLANNED, Clock.systemUTC())) {
			scanner.onScanFinished((snapshot) -> {
				throw new IllegalStateException("a broken listener");
			});
			scanner.onScanFinished((snapshot) -> twoScans.countDown());
			scanner.start();
			assertThat(twoScans.await(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void refusesASecondScanWhileOneRuns() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch entered = new CountDownLatch(1);
		try (FleetScanner scanner = scanner(inventory(1), 1, (target) -> {
			entered.countDown();
			await(release);
			return PLANNED;
		})) {
			assertThat(scanner.requestScan()).isTrue();
			assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(scanner.snapshot().scanning()).isTrue();
			assertThat(scanner.requestScan()).isFalse();
			release.countDown();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (scanner.snapshot().scanning() && System.nanoTime() < until) {
				sleep(10);
			}
			assertThat(scanner.snapshot().scanning()).isFalse();
			assertThat(scanner.snapshot().targets().get(0).up()).isTrue();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
