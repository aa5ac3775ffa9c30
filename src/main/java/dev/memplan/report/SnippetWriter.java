package dev.memplan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.memplan.budget.Budget;
import dev.memplan.budget.ChangeSet;
import dev.memplan.budget.Lever;
import dev.memplan.budget.LeverKind;
import dev.memplan.budget.Plan;
import dev.memplan.budget.PoolTarget;
import dev.memplan.budget.Recommendation;
import dev.memplan.core.ByteSize;

/**
 * The ready-to-paste {@code [mysqld]} snippet of the chosen option: every value it sets, one
 * comment per line saying why, the first plan's worst case beside the recommended one's. Words
 * from the message bundle ({@code snippet.*}), so English is written once.
 */
public final class SnippetWriter {

	private static final List<String> COUNTS = List.of("max_connections", "innodb_buffer_pool_instances");

	private static final long DEFAULT_CHUNK = 128L << 20;

	/** Global trades that change what the server does, not only how much it caches: the snippet says what they cost. */
	private static final List<String> TRADES_WITH_A_COST = List.of("temptable_max_mmap");

	private SnippetWriter() {
	}

	public static String write(Plan plan) {
		return write(plan, plan.solution().chosen());
	}

	public static String write(Plan plan, ChangeSet option) {
		Budget first = plan.budget();
		Budget again = option.replanned();
		StringBuilder snippet = new StringBuilder("[mysqld]\n");
		comment(snippet, "snippet.header", plan.profile().displayName(), approx(plan.host().hostRamBytes()), approx(again.budgetLimitBytes()),
				EnglishText.article(approx(plan.host().hostRamBytes())));
		comment(snippet, "snippet.plans", approx(first.worstCaseBytes()), first.verdict().name(), approx(again.worstCaseBytes()),
				again.verdict().name());
		if (!option.fits()) {
			comment(snippet, "snippet.nothingFits", approx(again.worstCaseBytes()), approx(again.budgetLimitBytes()),
					(option.smallestFittingRamBytes() != null) ? approx(option.smallestFittingRamBytes()) : "?");
		}
		List<String[]> lines = new ArrayList<>();
		for (Map.Entry<String, Long> value : option.values().entrySet()) {
			String why = why(plan, option, value.getKey(), value.getValue());
			if (why != null) {
				lines.add(new String[] { (option.fits() ? "" : "# ") + value.getKey() + " = " + format(value.getKey(), value.getValue()), why });
			}
		}
		int width = lines.stream().mapToInt((line) -> line[0].length()).max().orElse(0);
		for (String[] line : lines) {
			snippet.append(line[0]).append(" ".repeat(width - line[0].length())).append("  # ").append(line[1]).append('\n');
		}
		snippet.append(CapSnippet.write(plan.settings(), again, plan.solution().demand().mustServe()));
		return snippet.toString();
	}

	/** The comment of one line; null for a value that changes nothing and needs no line. */
	private static String why(Plan plan, ChangeSet option, String name, long value) {
		Lever lever = option.levers().stream().filter((l) -> l.variable().equals(name)).findFirst().orElse(null);
		Recommendation tier = plan.recommendation();
		long ram = plan.host().hostRamBytes();
		return switch (name) {
			case "innodb_buffer_pool_size" -> poolComment(tier, value, ram);
			case "innodb_buffer_pool_instances" -> (value == 1) ? text("snippet.instances.one")
					: text("snippet.instances", value, ByteSize.formatApproximate(option.values().getOrDefault("innodb_buffer_pool_chunk_size", DEFAULT_CHUNK)));
			case "innodb_buffer_pool_chunk_size" -> (value == DEFAULT_CHUNK) ? null : text("snippet.chunk");
			case "max_connections" -> connections(plan, lever, value);
			default -> (lever == null) ? companion(option, name) : leverText(plan, lever);
		};
	}

	/** Which rule gave the pool (docs/memory-model.md#tier-table), and its real share of RAM after rounding. */
	private static String poolComment(Recommendation tier, long value, long ram) {
		PoolTarget target = tier.target();
		String share = percent(value, ram);
		if (value < tier.bufferPoolBytes()) {
			return (target.rule() == PoolTarget.Rule.RAM_LESS_RESERVE)
					? text("snippet.pool.fits.reserve", share, approx(ram), approx(target.reserveBytes()),
							EnglishText.article(approx(target.reserveBytes())))
					: text("snippet.pool.fits", share, approx(ram), tier.poolRatioPercent(), row(tier));
		}
		return switch (target.rule()) {
			case RAM_LESS_RESERVE -> text("snippet.pool.reserve", share, approx(ram), approx(target.outsideLimitBytes()),
					approx(target.restOfBudgetBytes()));
			case CARRIED_OVER -> text("snippet.pool.carried", share, approx(ram), row(tier));
			default -> text("snippet.pool", share, approx(ram), tier.poolRatioPercent(), row(tier));
		};
	}

	private static String connections(Plan plan, Lever lever, long value) {
		long mustServe = plan.solution().demand().mustServe();
		if (lever == null) {
			return text("snippet.connections.kept", mustServe);
		}
		return (lever.to() > lever.from()) ? text("snippet.connections.raised", lever.from())
				: text("snippet.connections.lowered", lever.from(), mustServe);
	}

	private static String leverText(Plan plan, Lever lever) {
		String was = format(lever.variable(), lever.from());
		String saves = approx(lever.savesBytes());
		if (lever.isSwitch()) {
			// what the server stops doing, said beside the bytes: the saving is memplan's estimate of it
			return text("snippet.lever.switch", was, saves, text("lever.trade." + lever.variable() + (plan.profile().isMySql() ? ".mysql" : ".mariadb")));
		}
		if (TRADES_WITH_A_COST.contains(lever.variable())) {
			return text("snippet.lever.trade", was, saves, text("lever.trade." + lever.variable()));
		}
		return (lever.kind() == LeverKind.PER_CONNECTION_TO_FLOOR)
				? text("snippet.lever.floor", was, saves, text("lever.floor." + lever.variable()))
				: text("snippet.lever", was, saves);
	}

	/** max_heap_table_size follows tmp_table_size: the in-memory temporary table stops at the smaller of the two. */
	private static String companion(ChangeSet option, String name) {
		return name.equals("max_heap_table_size") ? text("snippet.companion", "tmp_table_size") : null;
	}

	private static String row(Recommendation recommendation) {
		return (recommendation.tier() != null)
				? text("snippet.row", recommendation.tier().instanceClass(), ByteSize.formatApproximate(recommendation.tier().memoryBytes()))
				: text("snippet.row.below");
	}

	static String format(String name, long value) {
		if (Lever.isSwitch(name)) {
			return (value != 0) ? "ON" : "OFF";
		}
		return COUNTS.contains(name) ? Long.toString(value) : ByteSize.ofBytes(value).toOptionValue();
	}

	/** The pool's real share of RAM after rounding, to one decimal. */
	static String percent(long part, long whole) {
		return String.format(java.util.Locale.ROOT, "%.1f", part * 100.0 / whole);
	}

	private static void comment(StringBuilder snippet, String key, Object... args) {
		snippet.append("# ").append(text(key, args)).append('\n');
	}

	private static String text(String key, Object... args) {
		return EnglishText.of(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

	private static String approx(long bytes) {
		return ByteSize.formatApproximate(bytes);
	}

}
