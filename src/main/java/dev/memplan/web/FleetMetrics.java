package dev.memplan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.memplan.app.fleet.FleetPlan;
import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.app.fleet.FleetTarget;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.budget.Verdict;

/**
 * The fleet as Prometheus gauges, one series per target labelled {@code target} and the inventory's
 * labels (every key on every target, empty where a target lacks it: Prometheus wants one label set
 * per metric). Each gauge reads the target's latest status when scraped. A down target reports
 * {@code memplan_target_up 0} and keeps its last good plan's figures (stale); a target that never
 * answered reports NaN for them. {@code memplan_headroom_bytes} is the budget limit minus the worst
 * case: negative when over.
 */
final class FleetMetrics implements MeterBinder {

	private final FleetScanner scanner;

	FleetMetrics(FleetScanner scanner) {
		this.scanner = scanner;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FleetScanner scanner = this.scanner;
		List<FleetTarget> targets = scanner.inventory().targets();
		for (int i = 0; i < targets.size(); i++) {
			int index = i;
			List<Tag> tags = tags(targets.get(i), scanner);
			gauge(registry, "memplan.target.up", null, "1 when the last probe of the target answered", tags,
					scanner, (s) -> s.status(index).up() ? 1 : 0);
			gauge(registry, "memplan.host.ram", "bytes", "The host's RAM, from the inventory", tags,
					scanner, (s) -> s.status(index).target().hostRamBytes());
			planGauge(registry, "memplan.worst.case", "The memory the server can allocate with every connection slot busy",
					tags, scanner, index, (plan) -> plan.budget().worstCaseBytes());
			planGauge(registry, "memplan.budget.limit", "The share of the host's RAM the server may use", tags, scanner, index,
					(plan) -> plan.budget().budgetLimitBytes());
			planGauge(registry, "memplan.expected.peak", "The memory at the expected connections (Max_used_connections)",
					tags, scanner, index, (plan) -> (plan.budget().expectedPeakBytes() != null) ? plan.budget().expectedPeakBytes() : Double.NaN);
			planGauge(registry, "memplan.measured", "The memory the server says it uses", tags, scanner, index,
					(plan) -> (plan.figures().measuredBytes() != null) ? plan.figures().measuredBytes() : Double.NaN);
			planGauge(registry, "memplan.headroom", "Budget limit minus worst case; negative when over", tags, scanner, index,
					(plan) -> plan.budget().budgetLimitBytes() - plan.budget().worstCaseBytes());
			for (Verdict verdict : Verdict.values()) {
				List<Tag> withVerdict = new ArrayList<>(tags);
				withVerdict.add(Tag.of("verdict", verdict.name()));
				gauge(registry, "memplan.verdict", null, "1 for the target's current verdict, 0 for the others", withVerdict,
						scanner, (s) -> verdictValue(s.status(index), verdict));
			}
		}
		Gauge.builder("memplan.fleet.scan.duration", scanner,
				(s) -> (s.lastScanDuration() != null) ? s.lastScanDuration().toNanos() / 1e9 : Double.NaN)
			.baseUnit("seconds")
			.description("How long the last full scan of this replica's targets took")
			.register(registry);
		// with the interval, an alert can tell a scanner that stopped finishing scans (docs/prometheus)
		Gauge.builder("memplan.fleet.last.scan.timestamp", scanner,
				(s) -> (s.scannedAt() != null) ? s.scannedAt().toEpochMilli() / 1e3 : Double.NaN)
			.baseUnit("seconds")
			.description("When this replica's last full scan finished, in seconds since the epoch; NaN before the first")
			.register(registry);
		Gauge.builder("memplan.fleet.scan.interval", scanner, (s) -> s.settings().interval().toMillis() / 1e3)
			.baseUnit("seconds")
			.description("memplan.fleet.interval: a scan starts this often")
			.register(registry);
	}

	private static double verdictValue(TargetStatus status, Verdict verdict) {
		if (status.plan() == null) {
			return Double.NaN;
		}
		return (status.plan().budget().verdict() == verdict) ? 1 : 0;
	}

	private static List<Tag> tags(FleetTarget target, FleetScanner scanner) {
		List<Tag> tags = new ArrayList<>();
		tags.add(Tag.of("target", target.name()));
		for (String key : scanner.inventory().labelKeys()) {
			tags.add(Tag.of(key, target.labels().getOrDefault(key, "")));
		}
		return tags;
	}

	private static void planGauge(MeterRegistry registry, String name, String description, List<Tag> tags, FleetScanner scanner,
			int index, ToDoubleFunction<FleetPlan> value) {
		gauge(registry, name, "bytes", description, tags, scanner, (s) -> {
			FleetPlan plan = s.status(index).plan();
			return (plan != null) ? value.applyAsDouble(plan) : Double.NaN;
		});
	}

	private static void gauge(MeterRegistry registry, String name, String unit, String description, List<Tag> tags,
			FleetScanner scanner, ToDoubleFunction<FleetScanner> value) {
		Gauge.builder(name, scanner, value).baseUnit(unit).description(description).tags(tags).register(registry);
	}

}
