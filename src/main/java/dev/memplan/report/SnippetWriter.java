package dev.memplan.report;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;
import dev.memplan.budget.Budget;
import dev.memplan.budget.EffectiveSettings;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Recommendation;

/** The ready-to-paste {@code [mysqld]} snippet: the recommended values, one comment per line. */
public final class SnippetWriter {

	/** Per-connection values that the max_connections answer depends on, echoed when the user set them. */
	private static final List<String> PER_CONNECTION = List.of("sort_buffer_size", "join_buffer_size", "read_buffer_size",
			"read_rnd_buffer_size", "thread_stack", "net_buffer_length", "binlog_cache_size", "binlog_stmt_cache_size",
			"tmp_table_size", "max_heap_table_size");

	private SnippetWriter() {
	}

	/** The snippet for the plan's recommendation, with the values the plan was made with. */
	public static String write(Plan plan) {
		return write(plan.profile(), plan.settings(), plan.host(), plan.recommendation());
	}

	static String write(ServerProfile profile, EffectiveSettings settings, HostSpec host, Recommendation recommendation) {
		Budget budget = recommendation.budgetWithRecommendation();
		List<String[]> lines = new ArrayList<>();
		String tier = (recommendation.tier() != null)
				? "tier " + recommendation.tier().instanceClass() + ", " + ByteSize.formatHuman(recommendation.tier().memoryBytes())
				: "below the smallest tier";
		lines.add(new String[] { "innodb_buffer_pool_size = " + ByteSize.ofBytes(recommendation.bufferPoolBytes()).toOptionValue(),
				recommendation.poolRatioPercent() + " % of " + ByteSize.formatApproximate(host.hostRamBytes()) + " RAM (" + tier
						+ "), rounded down to a multiple of " + ByteSize.formatHuman(recommendation.granuleBytes()) + " ("
						+ recommendation.granuleExplanation() + ")" });
		String connections = (recommendation.maxConnectionsThatFit() > 0)
				? "the most whose worst case (" + ByteSize.formatApproximate(budget.globalBytes()) + " + (N + 1) × "
						+ ByteSize.formatApproximate(budget.perConnectionBytes()) + ") stays within "
						+ ByteSize.formatApproximate(budget.budgetLimitBytes())
				: "NOTHING FITS: the global buffers alone exceed the limit; lower them first";
		lines.add(new String[] { "max_connections = " + recommendation.maxConnectionsThatFit(), connections });
		for (String name : PER_CONNECTION) {
			settings.variable(name).filter((variable) -> !variable.origin().isDefault()).ifPresent((variable) -> lines.add(
					new String[] { name + " = " + variable.text(), "as planned: max_connections above assumes this value" }));
		}
		int width = lines.stream().mapToInt((line) -> line[0].length()).max().orElse(0);
		StringBuilder snippet = new StringBuilder("[mysqld]\n");
		snippet.append("# memplan for ").append(profile.displayName()).append(" on a ")
				.append(ByteSize.formatApproximate(host.hostRamBytes())).append(" host; budget limit ")
				.append(ByteSize.formatApproximate(budget.budgetLimitBytes())).append('\n');
		for (String[] line : lines) {
			snippet.append(line[0]).append(" ".repeat(width - line[0].length())).append("  # ").append(line[1]).append('\n');
		}
		snippet.append(CapSnippet.write(MemoryCaps.recommend(settings, budget, MemoryTerms.standard())));
		return snippet.toString();
	}

}
