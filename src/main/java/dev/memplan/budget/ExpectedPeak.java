package dev.memplan.budget;

import java.util.List;
import java.util.Set;

/**
 * What C connections are likely to reach, offline: a range, because without knowing the statements
 * memplan cannot say where in it a server will land (bench/README.md shows where measured runs fell).
 *
 * @param lowBytes every connection connected but idle: its own structures and network buffers (no overflow term)
 * @param nominalBytes the formula of docs/memory-model.md#totals: every named buffer once per connection (no overflow term)
 * @param highBytes every connection at its worst, as in the ceiling
 */
public record ExpectedPeak(long connections, long lowBytes, long nominalBytes, long highBytes) {

	/** The terms an idle connection holds. */
	private static final Set<String> IDLE = Set.of("connection_structures", "net_buffers");

	/**
	 * Global terms reached only once the RAM they overflow is full (TempTable's mapped files past
	 * temptable_max_ram): in the ceiling, not in the idle or nominal figure.
	 */
	private static final Set<String> OVERFLOW = Set.of(TempTableOverflow.ID);

	static ExpectedPeak offline(List<LineItem> items, long global, long connections) {
		long overflow = items.stream().filter((item) -> OVERFLOW.contains(item.id())).mapToLong(LineItem::bytes).sum();
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
		long base = global - overflow;
		return new ExpectedPeak(connections, at(base, connections, idle), at(base, connections, nominal), at(global, connections, all));
	}

	private static long at(long global, long connections, long perConnection) {
		return Math.addExact(global, Math.multiplyExact(connections, perConnection));
	}

}
