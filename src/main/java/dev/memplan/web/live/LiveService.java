package dev.memplan.web.live;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.memplan.budget.PlanQuery;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.live.AllowedHosts;
import dev.memplan.live.LiveReading;
import dev.memplan.live.LiveServerProbe;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.live.ProbeResult;
import dev.memplan.web.PlanService;

/** Probe a live server, then plan with what it said: origin {@code live}, Max_used_connections as the expected load. */
@Service
public class LiveService {

	private final LiveProperties properties;

	private final LiveServerProbe probe;

	private final PlanService planService;

	LiveService(LiveProperties properties, PlanService planService) {
		this.properties = properties;
		this.planService = planService;
		this.probe = new LiveServerProbe(new AllowedHosts(properties.allowedHosts()), properties.connectTimeout(),
				properties.socketTimeout());
	}

	public boolean isEnabled() {
		return this.properties.enabled();
	}

	/** @param host the host's RAM and the other plan options; its server is taken from VERSION() */
	public LiveOutcome probeAndPlan(LiveTarget target, PlanQuery host) {
		if (!this.properties.enabled()) {
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
		String expected = (host.expectedConnections() != null && !host.expectedConnections().isBlank())
				? host.expectedConnections()
				: (reading.maxUsedConnections() != null) ? reading.maxUsedConnections().toString() : null;
		PlanQuery query = new PlanQuery(reading.profile().id(), host.hostRam(), host.hostCpus(), expected, host.mysqlShare(),
				host.reservedForOtherProcesses(), host.variables());
		return new LiveOutcome.Planned(this.planService.planWith(query, reading.settings(), List.of(),
				reading.snapshot().performanceSchemaBytes()), reading);
	}

}
