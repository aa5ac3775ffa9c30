package dev.memplan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard and the alert rules ask only for metrics memplan exports (names as in issue 18 and FleetMetrics). */
class GrafanaDashboardTests {

	private static final Set<String> EXPORTED = Set.of("memplan_worst_case_bytes", "memplan_budget_limit_bytes",
			"memplan_host_ram_bytes", "memplan_expected_peak_bytes", "memplan_measured_bytes", "memplan_headroom_bytes",
			"memplan_verdict", "memplan_target_up", "memplan_fleet_scan_duration_seconds", "memplan_fleet_last_scan_timestamp_seconds",
			"memplan_fleet_scan_interval_seconds");

	private static final Pattern METRIC = Pattern.compile("memplan_[a-z_]+");

	@Test
	void everyDashboardQueryUsesAnExportedMetric() throws Exception {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs/prometheus/memplan-grafana.json")));
		assertThat(dashboard.get("uid").asString()).isEqualTo("memplan-fleet");
		Set<String> used = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				used.addAll(metrics(target.get("expr").asString()));
			}
		}
		assertThat(used).isSubsetOf(EXPORTED).contains("memplan_verdict", "memplan_worst_case_bytes", "memplan_target_up");
	}

	@Test
	void everyAlertUsesAnExportedMetric() throws Exception {
		Set<String> used = metrics(Files.readString(Path.of("docs/prometheus/memplan-alerts.yml")));
		assertThat(used).isSubsetOf(EXPORTED).hasSize(6); // the stuck-scanner alert reads the two scan gauges
	}

	private static Set<String> metrics(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = METRIC.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

}
