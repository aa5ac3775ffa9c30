package dev.memplan.report;

import java.util.List;

import dev.memplan.app.PlanQuery;
import dev.memplan.budget.Budget;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Recommendation;
import dev.memplan.budget.Scope;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;

/** The plan as plain text for a terminal or a CI log, or as Markdown for a ticket. */
public final class TextReport {

	private final boolean markdown;

	private TextReport(boolean markdown) {
		this.markdown = markdown;
	}

	public static String text(Plan plan) {
		return new TextReport(false).render(plan);
	}

	public static String markdown(Plan plan) {
		return new TextReport(true).render(plan);
	}

	/**
	 * Markdown for a ticket that can be reproduced: the report, then the permalink and the inputs
	 * that gave it (as the form and the permalink carry them).
	 *
	 * @param permalink the page's full address for this plan
	 */
	public static String markdown(Plan plan, PlanQuery query, String permalink) {
		StringBuilder out = new StringBuilder(markdown(plan));
		out.append("\n## Inputs\n\n");
		out.append("Permalink: <").append(permalink).append(">\n\n");
		out.append("| input | value |\n|---|---|\n");
		input(out, "server", query.server());
		input(out, "hostRam", query.hostRam());
		input(out, "expectedConnections", query.expectedConnections());
		input(out, "mysqlShare", query.mysqlShare());
		input(out, "reservedForOtherProcesses", query.reservedForOtherProcesses());
		input(out, "hostCpus", query.hostCpus());
		input(out, "allowFewerConnections", query.allowFewerConnections());
		query.variables().forEach((name, value) -> input(out, name, value));
		if (query.variables().isEmpty()) {
			out.append("\nEvery server variable at ").append(plan.profile().displayName()).append("'s default.\n");
		}
		return out.toString();
	}

	private static void input(StringBuilder out, String name, String value) {
		if (value != null && !value.isBlank()) {
			out.append("| `").append(name).append("` | `").append(value.replace("|", "\\|").replace("`", "'")).append("` |\n");
		}
	}

	private String render(Plan plan) {
		Budget b = plan.budget();
		StringBuilder out = new StringBuilder();
		heading(out, "memplan: " + plan.profile().displayName() + " on " + EnglishText.withArticle(human(b.hostRamBytes())) + " host");
		out.append(this.markdown ? "**" + b.verdict() + "**" : b.verdict().name()).append(": ")
			.append(switch (b.verdict()) {
				case FITS -> "the worst case stays within the budget limit.";
				case TIGHT -> "the worst case passes the budget limit but not the host's RAM.";
				case OVERCOMMITTED -> "the worst case passes the host's RAM; a connection storm can bring in the OOM killer.";
			}).append("\n\n");
		row(out, "worst case (" + b.connectionSlots() + " slots)", b.worstCaseBytes());
		if (b.capped() != null) {
			row(out, "worst case with " + String.join(", ", b.capped().variables()), b.capped().worstCaseBytes());
		}
		if (b.expectedPeakBytes() != null) {
			row(out, "expected peak (" + b.expectedConnections() + " connections)", b.expectedPeakBytes());
			String range = human(b.expectedPeak().lowBytes()) + " – " + human(b.expectedPeak().highBytes());
			out.append(this.markdown ? "- expected peak range (idle to all at worst): **" + range + "**\n"
					: String.format("  %-34s %s%n", "range (idle to all at worst)", range));
		}
		row(out, "budget limit", b.budgetLimitBytes());
		row(out, "global buffers", b.globalBytes());
		row(out, "per connection", b.perConnectionBytes());
		out.append('\n');
		items(out, "Global", b.items(Scope.GLOBAL));
		items(out, "Per connection", b.items(Scope.PER_CONNECTION));
		diagnostics(out, plan.diagnostics());
		Recommendation r = plan.recommendation();
		heading(out, "Recommendation");
		out.append("buffer pool ").append(r.poolRatioPercent()).append(" % of RAM")
			.append((r.tier() != null) ? " (tier " + r.tier().instanceClass() + ")" : "").append(": ")
			.append(ByteSize.formatApproximate(r.bufferPoolBytes())).append("\n\n");
		out.append(this.markdown ? "```ini\n" : "").append(SnippetWriter.write(plan)).append(this.markdown ? "```\n" : "");
		return out.toString();
	}

	private void heading(StringBuilder out, String text) {
		if (this.markdown) {
			out.append(text.startsWith("memplan") ? "# " : "## ").append(text).append("\n\n");
		}
		else {
			out.append(text).append('\n').append("-".repeat(text.length())).append("\n");
		}
	}

	private void row(StringBuilder out, String label, long bytes) {
		if (this.markdown) {
			out.append("- ").append(label).append(": **").append(human(bytes)).append("**\n");
		}
		else {
			out.append(String.format("  %-34s %12s  (%d B)%n", label, human(bytes), bytes));
		}
	}

	private void items(StringBuilder out, String title, List<LineItem> items) {
		heading(out, title);
		if (this.markdown) {
			out.append("| term | bytes | variables |\n|---|---:|---|\n");
		}
		for (LineItem item : items) {
			String bytes = ByteSize.formatApproximate(item.bytes()) + (item.estimate() ? " (est.)" : "");
			if (this.markdown) {
				out.append("| ").append(item.term()).append(" | ").append(bytes).append(" | `")
					.append(String.join("`, `", item.variables())).append("` |\n");
			}
			else {
				out.append(String.format("  %-34s %16s  %s%n", item.term(), bytes, String.join(", ", item.variables())));
			}
		}
		out.append('\n');
	}

	private void diagnostics(StringBuilder out, List<Diagnostic> diagnostics) {
		if (diagnostics.isEmpty()) {
			return;
		}
		heading(out, "Warnings and advice");
		for (Diagnostic d : diagnostics) {
			out.append(this.markdown ? "- **" + d.severity() + "** " : "  " + d.severity() + " ")
				.append((d.where() != null) ? d.where() + ": " : "").append(EnglishText.of(d)).append('\n');
		}
		out.append('\n');
	}

	private static String human(long bytes) {
		return ByteSize.formatApproximate(bytes);
	}

}
