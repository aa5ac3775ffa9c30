package dev.memplan.budget;

import java.util.List;
import java.util.Set;

/**
 * What C connections are likely to reach, offline: a range, because without knowing the statements
 * memplan cannot say where in it a server will land (bench/README.md shows where measured runs fell).
 *
 * @param lowBytes every connection connected but idle: its own structures and network buffers
 * @param nominalBytes the formula of docs/memory-model.md#totals: every named buffer once per connection
 * @param highBytes every connection at its worst, as in the ceiling
 */
public record ExpectedPeak(long connections, long lowBytes, long nominalBytes, long highBytes) {

	/** The terms an idle connection holds. */
	private static final Set<String> IDLE = Set.of("connection_structures", "net_buffers");

	static ExpectedPeak offline(List<LineItem> items, long global, long connections) {
		long idle = 0;
		long nominal = 0;
		long all = 0;
		for (LineItem item : items) {
			if (item.scope() != Scope.PER_CONNECTION) {
				continue;
			}
			all = Math.addExact(all, item.bytes());
			if (IDLE.contains(item.id())) {
				idle = Math.addExact(idle, item.bytes());
			}
			if (!item.estimate()) {
				nominal = Math.addExact(nominal, item.bytes());
			}
		}
		return new ExpectedPeak(connections, at(global, connections, idle), at(global, connections, nominal), at(global, connections, all));
	}

	private static long at(long global, long connections, long perConnection) {
		return Math.addExact(global, Math.multiplyExact(connections, perConnection));
	}

}
