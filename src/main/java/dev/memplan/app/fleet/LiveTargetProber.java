package dev.memplan.app.fleet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.app.LiveProbeSettings;
import dev.memplan.app.PlanQuery;
import dev.memplan.app.PlanService;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;

/**
 * A fleet target through the one live-planning use case: the password is read from its source
 * just now, handed to the probe as a char array and wiped by it; the host's RAM and expected
 * connections come from the inventory. The live probe's allowed hosts apply; its on/off switch
 * is the page's and does not stop the fleet (the inventory is the operator's own list).
 */
public final class LiveTargetProber implements TargetProber {

	private final LiveProbeSettings live;

	private final PlanService planService;

	private final Map<String, String> env;

	/** One use case per set of timeouts in the inventory: usually one. */
	private final Map<List<Long>, LivePlanService> services = new ConcurrentHashMap<>();

	private final int concurrency;

	/**
	 * @param concurrency the scanner's: the use case's own bound on probes at once must not turn a
	 * fleet probe away as BUSY, so it is the scanner's, not memplan.live.max-concurrent (the page's)
	 */
	public LiveTargetProber(LiveProbeSettings live, PlanService planService, Map<String, String> env, int concurrency) {
		this.live = live;
		this.planService = planService;
		this.env = env;
		this.concurrency = concurrency;
	}

	@Override
	public LiveOutcome probe(FleetTarget target) {
		char[] password;
		try {
			password = target.password().read(this.env);
		}
		catch (PasswordSource.PasswordUnavailableException ex) {
			return new LiveOutcome.Failed(new ProbeFailure(ProbeFailure.Kind.FAILED, "No password: " + ex.getMessage() + "."));
		}
		LiveTarget live = LiveTarget.of(target.host(), Integer.toString(target.port()), target.user(), password, target.tls());
		PlanQuery host = PlanQuery.EMPTY.withHostRam(target.hostRam()).withExpectedConnections(target.expectedConnections());
		return service(target).probeAndPlan(live, host);
	}

	private LivePlanService service(FleetTarget target) {
		List<Long> key = List.of(target.connectTimeout().toMillis(), target.socketTimeout().toMillis(), target.deadline().toMillis());
		return this.services.computeIfAbsent(key, (timeouts) -> new LivePlanService(new LiveProbeSettings(true, null,
				this.live.allowedHosts(), target.connectTimeout(), target.socketTimeout(), target.deadline(), this.concurrency),
				this.planService));
	}

}
