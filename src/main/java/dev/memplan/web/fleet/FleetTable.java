package dev.memplan.web.fleet;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

import dev.memplan.app.fleet.FleetSnapshot;
import dev.memplan.app.fleet.TargetStatus;

/**
 * The fleet page's table: filtered by one label ({@code env=prod}) and sorted worst first (or by
 * name, RAM, last scan), on the server, so the page works without JavaScript.
 */
record FleetTable(List<FleetRow> rows, List<String> labels, String sort, String label, int total, long overcommitted,
		long tight, long down) {

	static final List<String> SORTS = List.of("worst", "name", "ram", "scanned");

	/** @param error a down target's reason in the page's language */
	static FleetTable of(FleetSnapshot snapshot, String sort, String label, Function<TargetStatus, String> error) {
		List<FleetRow> all = snapshot.targets().stream().map((status) -> FleetRow.of(status, error.apply(status))).toList();
		String chosenSort = (sort != null && SORTS.contains(sort)) ? sort : "worst";
		TreeSet<String> labels = new TreeSet<>();
		all.forEach((row) -> labels.addAll(row.labels()));
		String chosenLabel = (label != null && labels.contains(label)) ? label : null;
		List<FleetRow> rows = all.stream().filter((row) -> chosenLabel == null || row.hasLabel(chosenLabel))
			.sorted(order(chosenSort)).toList();
		return new FleetTable(rows, List.copyOf(labels), chosenSort, chosenLabel, all.size(),
				all.stream().filter((row) -> "OVERCOMMITTED".equals(row.verdict())).count(),
				all.stream().filter((row) -> "TIGHT".equals(row.verdict())).count(),
				all.stream().filter((row) -> row.checked() != null && !row.up()).count());
	}

	/** Worst first: the furthest past its limit on top; targets without a plan after every planned one; then by name. */
	static Comparator<FleetRow> order(String sort) {
		Comparator<FleetRow> byName = Comparator.comparing((FleetRow row) -> row.name().toLowerCase(Locale.ROOT));
		return switch (sort) {
			case "name" -> byName;
			case "ram" -> Comparator.comparingLong(FleetRow::hostRamBytes).reversed().thenComparing(byName);
			case "scanned" -> Comparator.comparing(FleetRow::checked, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(byName);
			default -> Comparator.comparing(FleetRow::risk, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName);
		};
	}

}
