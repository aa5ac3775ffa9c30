package dev.memplan.app;

import java.util.List;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.live.AllowedHosts;
import dev.memplan.live.LiveServerProbe;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.live.ProbeResult;
import dev.memplan.livereading.LiveReading;

/**
 * Plan a live server: probe it, then plan with what it said (origin {@code live},
 * Max_used_connections as the expected load). Page, API and command line all call this.
 */
public class LivePlanService {

	private final LiveProbeSettings settings;

	private final LiveServerProbe probe;

	private final PlanService planService;

	public LivePlanService(LiveProbeSettings settings, PlanService planService) {
		this.settings = settings;
		this.planService = planService;
		this.probe = new LiveServerProbe(new AllowedHosts(settings.allowedHosts()), settings.connectTimeout(),
				settings.socketTimeout());
	}

	public boolean isEnabled() {
		return this.settings.enabled();
	}

	/** @param host the host's RAM and the other plan options; its server is taken from VERSION() */
	public LiveOutcome probeAndPlan(LiveTarget target, PlanQuery host) {
		if (!this.settings.enabled()) {
			target.wipePassword();
			return new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.DISABLED,
					"Connecting to live servers is switched off here (memplan.live.enabled=false)."));
		}
		try {
			this.planService.validateHost(host);
		}
		catch (RuntimeException ex) {
			target.wipePassword();
			throw ex;
		}
		ProbeResult result = this.probe.probe(target);
		if (result instanceof ProbeResult.Failed failed) {
			return new LiveOutcome.Failed(failed.failure());
		}
		LiveReading reading = LiveReading.of(((ProbeResult.Connected) result).snapshot(), ServerCatalog.standard());
		String expected = !PlanQuery.isBlank(host.expectedConnections()) ? host.expectedConnections()
				: (reading.maxUsedConnections() != null) ? reading.maxUsedConnections().toString() : null;
		PlanQuery query = host.withServer(reading.profile().id()).withExpectedConnections(expected);
		PlanResult planned = this.planService.planWith(query, reading.settings(), List.of(),
				reading.snapshot().performanceSchemaBytes());
		return new LiveOutcome.Planned(planned, reading, LiveFigures.of(planned, reading));
	}

}
