package dev.memplan.app.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import dev.memplan.app.LiveOutcome;
import dev.memplan.live.ProbeFailure;

/**
 * Scans the inventory on start and every interval: at most {@code concurrency} probes at once,
 * each ended at its target's deadline (connect + socket timeout, plus a second of grace for the
 * probe to say why) so that one silent server holds one slot for at most its own timeout and
 * never the scan. A target that fails keeps its last good plan, marked stale, with the reason.
 * Only the last scan is kept; history is Prometheus's job.
 */
public final class FleetScanner implements AutoCloseable {

	private static final Duration GRACE = Duration.ofSeconds(1);

	/** java.lang's logger keeps the app layer plain Java; Spring Boot routes it to its own logging. */
	private static final System.Logger LOG = System.getLogger(FleetScanner.class.getName());

	private final Inventory inventory;

	private final FleetSettings settings;

	private final TargetProber prober;

	private final Clock clock;

	private final AtomicReferenceArray<TargetStatus> statuses;

	private final AtomicBoolean scanning = new AtomicBoolean();

	private final AtomicInteger done = new AtomicInteger();

	private volatile Instant scannedAt;

	private volatile Duration lastScanDuration;

	private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("memplan-fleet-scan"));

	/**
	 * Probes run on threads of their own; the semaphore, not the pool, bounds them, so a probe
	 * ended at its deadline frees its slot at once while its thread waits out the socket timeout.
	 */
	private final ThreadPoolExecutor probes = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
			new SynchronousQueue<>(), daemon("memplan-fleet-probe"));

	public FleetScanner(Inventory inventory, FleetSettings settings, TargetProber prober, Clock clock) {
		this.inventory = inventory;
		this.settings = settings;
		this.prober = prober;
		this.clock = clock;
		this.statuses = new AtomicReferenceArray<>(inventory.targets().size());
		for (int i = 0; i < inventory.targets().size(); i++) {
			this.statuses.set(i, TargetStatus.pending(inventory.targets().get(i)));
		}
	}

	public Inventory inventory() {
		return this.inventory;
	}

	public FleetSettings settings() {
		return this.settings;
	}

	/** Told after every full scan, on the scanner's thread (the metrics need no polling). */
	public void onScanFinished(Consumer<FleetSnapshot> listener) {
		this.listeners.add(listener);
	}

	/**
	 * The first scan now, then one every interval; a scan still running when the next is due is not
	 * doubled. A periodic task that throws is never run again, so nothing may leave it: whatever
	 * one scan throws is logged and the next scan runs on time (memplan_fleet_last_scan_timestamp_seconds
	 * and its alert tell when scans keep failing).
	 */
	public void start() {
		long every = this.settings.interval().toMillis();
		this.scheduler.scheduleAtFixedRate(() -> {
			try {
				if (this.scanning.compareAndSet(false, true)) {
					scan();
				}
			}
			catch (Throwable ex) {
				LOG.log(System.Logger.Level.ERROR, "A fleet scan failed; the next starts in " + this.settings.interval(), ex);
			}
		}, 0, every, TimeUnit.MILLISECONDS);
	}

	/** @return false when a scan is already running (nothing is started) */
	public boolean requestScan() {
		if (!this.scanning.compareAndSet(false, true)) {
			return false;
		}
		this.scheduler.execute(this::scan);
		return true;
	}

	/** One full scan on the calling thread, unless one runs: for the command line, tests and benchmarks. */
	public FleetSnapshot scanNow() {
		if (!this.scanning.compareAndSet(false, true)) {
			throw new IllegalStateException("a scan is already running");
		}
		scan();
		return snapshot();
	}

	/** The status of the inventory's target at {@code index}: what a metric reads on every scrape, without a snapshot. */
	public TargetStatus status(int index) {
		return this.statuses.get(index);
	}

	/** When the last full scan finished; null before the first. */
	public Instant scannedAt() {
		return this.scannedAt;
	}

	/** How long the last full scan took; null before the first. */
	public Duration lastScanDuration() {
		return this.lastScanDuration;
	}

	public FleetSnapshot snapshot() {
		List<TargetStatus> targets = new ArrayList<>(this.statuses.length());
		for (int i = 0; i < this.statuses.length(); i++) {
			targets.add(this.statuses.get(i));
		}
		return new FleetSnapshot(this.scannedAt, this.scanning.get(), this.done.get(), targets.size(), this.lastScanDuration, targets);
	}

	/** Runs with {@code scanning} set; clears it when every target has an answer or passed its deadline. */
	private void scan() {
		long started = System.nanoTime();
		try {
			this.done.set(0);
			Semaphore slots = new Semaphore(this.settings.concurrency());
			CountDownLatch finished = new CountDownLatch(this.statuses.length());
			for (int i = 0; i < this.statuses.length(); i++) {
				slots.acquireUninterruptibly();
				int index = i;
				FleetTarget target = this.inventory.targets().get(i);
				CompletableFuture.supplyAsync(() -> probe(target), this.probes)
					.completeOnTimeout(deadlinePassed(target), target.deadline().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
					.whenComplete((outcome, ex) -> {
						// the counts go on whatever record does: a lost count-down would hold this scan, and every later one, forever
						try {
							record(index, outcome);
						}
						catch (RuntimeException | Error failure) {
							LOG.log(System.Logger.Level.ERROR, "Recording the probe of " + target.name() + " failed", failure);
						}
						finally {
							this.done.incrementAndGet();
							slots.release();
							finished.countDown();
						}
					});
			}
			finished.await();
			this.scannedAt = this.clock.instant();
			this.lastScanDuration = Duration.ofNanos(System.nanoTime() - started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.scanning.set(false);
		}
		FleetSnapshot snapshot = snapshot();
		for (Consumer<FleetSnapshot> listener : this.listeners) {
			// one failing listener neither keeps the others from hearing nor fails the scan
			try {
				listener.accept(snapshot);
			}
			catch (RuntimeException ex) {
				LOG.log(System.Logger.Level.ERROR, "A listener of the fleet scan failed", ex);
			}
		}
	}

	/** Never throws: whatever goes wrong in one target is that target's reason to be down. */
	private LiveOutcome probe(FleetTarget target) {
		try {
			return this.prober.probe(target);
		}
		catch (RuntimeException ex) {
			return failed(target, "FAILED", "Planning " + target.name() + " failed: " + ex.getMessage());
		}
	}

	private static LiveOutcome deadlinePassed(FleetTarget target) {
		return failed(target, "TIMED_OUT", "The server at " + target.address() + " did not finish answering within "
				+ target.deadline().toSeconds() + " s.");
	}

	private static LiveOutcome failed(FleetTarget target, String kind, String message) {
		return new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.valueOf(kind), message, args(target)));
	}

	/** As the live probe gives them (address, host, seconds, TLS mode, limit), for probe.<KIND> in the page's language. */
	private static List<String> args(FleetTarget target) {
		return List.of(target.address(), target.host(), Long.toString(target.deadline().toSeconds()), target.tls(), "");
	}

	private void record(int index, LiveOutcome outcome) {
		Instant now = this.clock.instant();
		TargetStatus previous = this.statuses.get(index);
		if (outcome instanceof LiveOutcome.Planned planned) {
			this.statuses.set(index, previous.planned(new FleetPlan(planned.result(), planned.figures(), now)));
		}
		else if (outcome instanceof LiveOutcome.Failed failed) {
			this.statuses.set(index, previous.down(failed.failure().kind().name(), failed.failure().message(),
					failed.failure().args(), now));
		}
		else {
			this.statuses.set(index, previous.down("FAILED", "The probe ended without an answer.", args(previous.target()), now));
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.probes.shutdownNow();
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
