package dev.memplan.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.memplan.core.Origin;

/** A recommendation being built: the values changed so far, over the user's settings, and how each budgets. */
final class Draft {

	static final Origin RECOMMENDED = Origin.computed("recommended", "recommended by memplan");

	private final SolverContext context;

	private final Map<String, Long> changes = new LinkedHashMap<>();

	private final Map<String, LeverKind> kinds = new LinkedHashMap<>();

	Draft(SolverContext context) {
		this.context = context;
	}

	SolverContext context() {
		return this.context;
	}

	void set(String name, long value, LeverKind kind) {
		this.changes.put(name, value);
		this.kinds.put(name, kind);
	}

	void setConnections(long connections) {
		set("max_connections", connections, LeverKind.CONNECTIONS);
	}

	void setPool(PoolLayout layout) {
		set("innodb_buffer_pool_size", layout.poolBytes(), LeverKind.BUFFER_POOL);
		if (layout.instances() > 0 && this.context.original().settings().has("innodb_buffer_pool_instances")) {
			set("innodb_buffer_pool_instances", layout.instances(), LeverKind.POOL_LAYOUT);
		}
		if (layout.chunkBytes() > 0 && this.context.original().settings().has("innodb_buffer_pool_chunk_size")) {
			set("innodb_buffer_pool_chunk_size", layout.chunkBytes(), LeverKind.POOL_LAYOUT);
		}
	}

	long connections() {
		return this.changes.getOrDefault("max_connections", this.context.original().settings().bytes("max_connections"));
	}

	/** The value the draft runs with: changed, or the user's effective value. */
	long value(String name) {
		return this.changes.getOrDefault(name, this.context.original().settings().bytes(name));
	}

	Assessment assess() {
		return this.context.assess(settings(this.changes));
	}

	boolean fits() {
		return fits(assess().budget());
	}

	static boolean fits(Budget budget) {
		return budget.worstCaseBytes() <= budget.budgetLimitBytes();
	}

	ServerSettings settings(Map<String, Long> values) {
		ServerSettings settings = ServerSettings.empty().overrideWith(this.context.settings());
		values.forEach((name, value) -> settings.set(name, Long.toString(value), RECOMMENDED));
		return settings;
	}

	Draft copy() {
		Draft copy = new Draft(this.context);
		copy.changes.putAll(this.changes);
		copy.kinds.putAll(this.kinds);
		return copy;
	}

	/**
	 * Every change that differs from what the server runs now, with the bytes the worst case
	 * saves by it: the final worst case with that change (and its companions) left out, minus the
	 * final worst case. Largest saving first.
	 */
	List<Lever> levers(Budget finalBudget) {
		List<Lever> levers = new ArrayList<>();
		EffectiveSettings original = this.context.original().settings();
		this.changes.forEach((name, to) -> {
			long from = original.bytes(name);
			LeverKind kind = this.kinds.get(name);
			if (from == to || isCompanion(name)) {
				return;
			}
			long saves = (kind == LeverKind.POOL_LAYOUT) ? 0 : finalBudget.worstCaseBytes() * -1 + without(name).worstCaseBytes();
			levers.add(new Lever(name, from, to, saves, kind));
		});
		levers.sort(Comparator.comparingLong(Lever::savesBytes).reversed());
		return levers;
	}

	private Budget without(String name) {
		Map<String, Long> values = new LinkedHashMap<>(this.changes);
		values.remove(name);
		TradeableVariable.PER_CONNECTION.stream().filter((t) -> t.name().equals(name) && t.companion() != null)
			.forEach((t) -> values.remove(t.companion()));
		if (name.equals("innodb_buffer_pool_size")) {
			values.remove("innodb_buffer_pool_instances");
			values.remove("innodb_buffer_pool_chunk_size");
		}
		return this.context.assess(settings(values)).budget();
	}

	private static boolean isCompanion(String name) {
		return TradeableVariable.PER_CONNECTION.stream().anyMatch((t) -> name.equals(t.companion()));
	}

	/** The values to write: every change, companions included, in the order they were made. */
	Map<String, Long> values() {
		return new LinkedHashMap<>(this.changes);
	}

}
