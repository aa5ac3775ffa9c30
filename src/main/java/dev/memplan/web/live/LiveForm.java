package dev.memplan.web.live;

import java.util.Map;

import dev.memplan.app.PlanQuery;
import dev.memplan.live.LiveTarget;

/**
 * The connection form and the host fields. The password is taken out once for the probe and
 * never kept here, so it cannot be rendered back, logged or put in a link.
 */
public record LiveForm(String host, String port, String user, String tls, String hostRam, String hostCpus,
		String expectedConnections, String mysqlShare, String reservedForOtherProcesses) {

	static LiveForm from(Map<String, String> params) {
		return new LiveForm(params.get("host"), params.get("port"), params.get("user"), params.get("tls"), params.get("hostRam"),
				params.get("hostCpus"), params.get("expectedConnections"), params.get("mysqlShare"),
				params.get("reservedForOtherProcesses"));
	}

	LiveTarget target(String password) {
		return LiveTarget.of(this.host, this.port, this.user, (password != null) ? password.toCharArray() : new char[0], this.tls);
	}

	PlanQuery hostQuery() {
		return new PlanQuery(null, this.hostRam, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcesses, Map.of());
	}

}
