package dev.memplan.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.memplan.budget.ChangeSet;
import dev.memplan.budget.Lever;
import dev.memplan.budget.Plan;

/**
 * The chosen option as {@code SET PERSIST} statements for MySQL 8.0+, one per change, each
 * saying what it changes and when it takes effect. Values in bytes, as SET takes them.
 * max_connections never goes below the server's Threads_connected when it is known: lowering it
 * under the clients already connected would refuse the next ones at once.
 */
public final class PersistStatements {

	/** Read at start-up only (SET PERSIST refuses them as read-only): SET PERSIST_ONLY, effective after a restart. */
	private static final Set<String> STARTUP_ONLY = Set.of("innodb_buffer_pool_instances", "innodb_buffer_pool_chunk_size",
			"performance_schema");

	private PersistStatements() {
	}

	public static String of(Plan plan) {
		if (!(plan.profile().isMySql() && plan.profile().isAtLeast(8, 0))) {
			return "-- " + text("persist.notHere", plan.profile().displayName()) + "\n";
		}
		ChangeSet option = plan.solution().chosen();
		StringBuilder out = new StringBuilder();
		out.append("-- ").append(text("persist.header", plan.profile().displayName(),
				SnippetWriter.format("max_connections", option.maxConnections()), approx(plan.budget().worstCaseBytes()),
				plan.budget().verdict().name(), approx(option.replanned().worstCaseBytes()), option.replanned().verdict().name()))
			.append('\n');
		if (!option.fits()) {
			out.append("-- ").append(text("persist.nothingFits")).append('\n');
		}
		String prefix = option.fits() ? "" : "-- ";
		for (Map.Entry<String, Long> value : option.values().entrySet()) {
			Lever lever = option.levers().stream().filter((l) -> l.variable().equals(value.getKey())).findFirst().orElse(null);
			if (lever == null && !value.getKey().equals("max_heap_table_size")) {
				continue;
			}
			long to = value.getValue();
			String note = "";
			Long threads = plan.solution().demand().threadsConnected();
			if (value.getKey().equals("max_connections") && threads != null && to < threads) {
				to = threads;
				note = " " + text("persist.threadsConnected", threads);
			}
			long from = plan.settings().bytes(value.getKey());
			String kind = STARTUP_ONLY.contains(value.getKey()) ? "SET PERSIST_ONLY " : "SET PERSIST ";
			out.append(prefix).append(kind).append(value.getKey()).append(" = ")
				.append(Lever.isSwitch(value.getKey()) ? SnippetWriter.format(value.getKey(), to) : Long.toString(to)).append(";  -- ")
				.append(text("persist.change", SnippetWriter.format(value.getKey(), from), SnippetWriter.format(value.getKey(), to)))
				.append(", ").append(text(when(value.getKey()))).append(note).append('\n');
		}
		return out.toString();
	}

	private static String when(String name) {
		if (STARTUP_ONLY.contains(name)) {
			return "persist.when.restart";
		}
		return switch (name) {
			case "innodb_buffer_pool_size" -> "persist.when.pool";
			case "max_connections" -> "persist.when.connections";
			case "temptable_max_ram", "temptable_max_mmap", "temptable_use_mmap", "key_buffer_size" -> "persist.when.now";
			default -> "persist.when.sessions";
		};
	}

	private static String text(String key, Object... args) {
		List<String> values = Arrays.stream(args).map(String::valueOf).toList();
		return EnglishText.of(key, values);
	}

	private static String approx(long bytes) {
		return dev.memplan.core.ByteSize.formatApproximate(bytes);
	}

}
