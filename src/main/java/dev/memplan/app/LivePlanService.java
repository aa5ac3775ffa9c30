package dev.memplan.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import dev.memplan.budget.Allocator;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.live.AllowedHosts;
import dev.memplan.live.LiveServerProbe;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeLimits;
import dev.memplan.live.ProbeFailure;
import dev.memplan.live.ProbeResult;
import dev.memplan.livereading.LiveReading;

/**
 * Plan a live server: probe it, then plan with what it said (origin {@code live},
 * Max_used_connections as the expected load). Page, API and command line all call this. At most
 * {@code maxConcurrent} probes run at once; one more is turned away at once ({@code BUSY}) instead of
 * waiting for a request thread that a slow server holds.
 */
public class LivePlanService {

	private final LiveProbeSettings settings;

	private final LiveServerProbe probe;

	private final PlanService planService;

	private final Semaphore running;

	public LivePlanService(LiveProbeSettings settings, PlanService planService) {
		this.settings = settings;
		this.planService = planService;
		this.probe = new LiveServerProbe(new AllowedHosts(settings.allowedHosts()),
				ProbeLimits.of(settings.connectTimeout(), settings.socketTimeout(), settings.deadline()));
		this.running = new Semaphore(settings.maxConcurrent());
	}

	/** Why the probe is off, for the page; null when it is on. */
	public String disabledReason() {
		return this.settings.enabled() ? null : this.settings.disabledReason();
	}

	public boolean isEnabled() {
		return this.settings.enabled();
	}

	/** @param host the host's RAM and the other plan options; its server is taken from VERSION() */
	public LiveOutcome probeAndPlan(LiveTarget target, PlanQuery host) {
		if (!this.settings.enabled()) {
			target.wipePassword();
			return new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.DISABLED, this.settings.disabledReason()));
		}
		try {
			this.planService.validateHost(host);
		}
		catch (RuntimeException ex) {
			target.wipePassword();
			throw ex;
		}
		if (!this.running.tryAcquire()) {
			target.wipePassword();
			return new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.BUSY, "memplan is already reading "
					+ this.settings.maxConcurrent() + " live servers, as many as it reads at once (memplan.live.max-concurrent); "
					+ "try again in a moment.", List.of(target.address(), target.host(), "", target.tlsMode().name(),
							Integer.toString(this.settings.maxConcurrent()))));
		}
		ProbeResult result;
		try {
			result = this.probe.probe(target);
		}
		finally {
			this.running.release();
		}
		if (result instanceof ProbeResult.Failed failed) {
			return new LiveOutcome.Failed(failed.failure());
		}
		LiveReading reading = LiveReading.of(((ProbeResult.Connected) result).snapshot(), ServerCatalog.standard());
		String expected = !PlanQuery.isBlank(host.expectedConnections()) ? host.expectedConnections()
				: (reading.maxUsedConnections() != null) ? reading.maxUsedConnections().toString() : null;
		PlanQuery query = host.withServer(reading.profile().id()).withExpectedConnections(expected)
			.withAssumptions(withServersAllocator(host.assumptions(), reading));
		PlanResult planned = this.planService.planWith(query, reading.settings(), List.of(),
				reading.snapshot().performanceSchemaBytes(), reading.maxUsedConnections(), reading.threadsConnected());
		return new LiveOutcome.Planned(planned, reading, LiveFigures.of(planned, reading));
	}

	/** The allocator the server names (version_malloc_library), unless the user gave one. */
	private static PlanQuery.Assumptions withServersAllocator(PlanQuery.Assumptions assumptions, LiveReading reading) {
		String malloc = reading.snapshot().observed().mallocLibrary();
		if (!PlanQuery.isBlank(assumptions.allocator()) || Allocator.parse(malloc) == null) {
			return assumptions;
		}
		return new PlanQuery.Assumptions(assumptions.tempTablesPerStatement(), assumptions.largestPacket(),
				Allocator.parse(malloc).name().toLowerCase(Locale.ROOT));
	}

}
