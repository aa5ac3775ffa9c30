package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;

/** What a DBA would point out when reading the plan: risky values and what the verdict means. */
final class PlanAdvice {

	private static final long FOUR_MIB = 4L << 20;

	List<Diagnostic> advise(EffectiveSettings settings, Budget budget, Recommendation recommendation) {
		List<Diagnostic> advice = new ArrayList<>();
		perConnectionBufferTooLarge(settings, "sort_buffer_size", advice);
		perConnectionBufferTooLarge(settings, "join_buffer_size", advice);
		settings.variable("tmp_table_size").ifPresent((tmp) -> {
			long heap = settings.bytes("max_heap_table_size");
			if (tmp.bytes() > heap) {
				advice.add(Diagnostic.about("tmp_table_size", tmp.origin(), "TMP_TABLE_CAPPED_BY_HEAP", Severity.ADVICE,
						"tmp_table_size (" + ByteSize.formatHuman(tmp.bytes()) + ") is larger than max_heap_table_size ("
								+ ByteSize.formatHuman(heap) + "): in-memory temporary tables stop at the smaller of the two.")
						.withArgs(ByteSize.formatHuman(tmp.bytes()), ByteSize.formatHuman(heap)));
			}
		});
		Long expected = budget.expectedConnections();
		if (expected != null && expected > budget.connectionSlots()) {
			advice.add(new Diagnostic("EXPECTED_ABOVE_MAX_CONNECTIONS", Severity.WARNING, "The expected " + expected
					+ " connections exceed max_connections + 1 (" + budget.connectionSlots()
					+ "): the server refuses the rest with 'Too many connections'.", "max_connections",
					settings.variable("max_connections").map(EffectiveVariable::origin).orElse(Origin.request()))
				.withArgs(expected, budget.connectionSlots()));
		}
		budget.lineItems().stream().filter((item) -> item.id().equals("tmp_table") && item.bytes() > 0).findFirst()
			.ifPresent((item) -> advice.add(new Diagnostic("WORST_CASE_IS_NOMINAL", Severity.INFO,
					"The worst case counts one in-memory temporary table per connection. Measured on MariaDB 10.11 "
							+ "(bench/accuracy.sh), 49 connections running GROUP BY queries whose temporary tables spilled to disk "
							+ "reached 1.13 × this figure: keep headroom, or lower tmp_table_size, where such queries run in parallel.",
					"tmp_table_size", null)));
		switch (budget.verdict()) {
			case OVERCOMMITTED -> advice.add(new Diagnostic("WORST_CASE_ABOVE_RAM", Severity.WARNING,
					"If all " + (budget.connectionSlots() - 1) + " connections allocate their buffers at once, the server needs "
							+ ByteSize.formatApproximate(budget.worstCaseBytes()) + ", more than the host's "
							+ ByteSize.formatApproximate(budget.hostRamBytes()) + ": the OOM killer would end it. max_connections = "
							+ recommendation.maxConnectionsThatFit() + " fits with the recommended pool.",
					"max_connections", null).withArgs(budget.connectionSlots() - 1, ByteSize.formatApproximate(budget.worstCaseBytes()),
							ByteSize.formatApproximate(budget.hostRamBytes()), recommendation.maxConnectionsThatFit()));
			case TIGHT -> advice.add(new Diagnostic("WORST_CASE_ABOVE_LIMIT", Severity.ADVICE,
					"The worst case " + ByteSize.formatApproximate(budget.worstCaseBytes()) + " passes the budget limit "
							+ ByteSize.formatApproximate(budget.budgetLimitBytes())
							+ " but not the host's RAM: little is left for the OS page cache and other processes.",
					"max_connections", null).withArgs(ByteSize.formatApproximate(budget.worstCaseBytes()),
							ByteSize.formatApproximate(budget.budgetLimitBytes())));
			case FITS -> { }
		}
		return advice;
	}

	private static void perConnectionBufferTooLarge(EffectiveSettings settings, String name, List<Diagnostic> advice) {
		settings.variable(name).filter((variable) -> !variable.origin().isDefault() && variable.bytes() >= FOUR_MIB)
				.ifPresent((variable) -> advice.add(Diagnostic.about(name, variable.origin(), "LARGE_PER_CONNECTION_BUFFER",
						Severity.ADVICE, name + " = " + ByteSize.formatHuman(variable.bytes())
								+ " applies to every connection; large global values rarely help and multiply by max_connections. "
								+ "Raise it per session (SET SESSION) for the queries that need it.")
						.withArgs(name, ByteSize.formatHuman(variable.bytes()))));
	}

}
