package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/** What a DBA would point out when reading the plan: risky values and what the verdict means (docs/memory-model.md#advice). */
final class PlanAdvice {

	private static final long FOUR_MIB = 4L << 20;

	List<Diagnostic> advise(EffectiveSettings settings, Budget budget, Recommendation recommendation) {
		List<Diagnostic> advice = new ArrayList<>();
		perConnectionBufferTooLarge(settings, "sort_buffer_size", advice);
		perConnectionBufferTooLarge(settings, "join_buffer_size", advice);
		settings.variable("tmp_table_size").ifPresent((tmp) -> {
			long heap = settings.bytes("max_heap_table_size");
			if (tmp.bytes() > heap) {
				advice.add(Diagnostic.about("tmp_table_size", tmp.origin(), DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP, Severity.ADVICE, ByteSize.formatHuman(tmp.bytes()), ByteSize.formatHuman(heap)));
			}
		});
		Long expected = budget.expectedConnections();
		if (expected != null && expected > budget.connectionSlots()) {
			advice.add(Diagnostic.about("max_connections", settings.variable("max_connections").map(EffectiveVariable::origin).orElse(Origin.request()), DiagnosticCode.EXPECTED_ABOVE_MAX_CONNECTIONS, Severity.WARNING, expected, budget.connectionSlots()));
		}
		budget.lineItems().stream().filter((item) -> item.id().equals("tmp_table") && item.bytes() > 0).findFirst()
			.ifPresent((item) -> advice.add(worstCaseIsNominal(MeasuredAccuracy.standard())));
		switch (budget.verdict()) {
			case OVERCOMMITTED -> advice.add(Diagnostic.about("max_connections", null, DiagnosticCode.WORST_CASE_ABOVE_RAM, Severity.WARNING, budget.connectionSlots() - 1, ByteSize.formatApproximate(budget.worstCaseBytes()), ByteSize.formatApproximate(budget.hostRamBytes()), recommendation.maxConnectionsThatFit()));
			case TIGHT -> advice.add(Diagnostic.about("max_connections", null, DiagnosticCode.WORST_CASE_ABOVE_LIMIT, Severity.ADVICE, ByteSize.formatApproximate(budget.worstCaseBytes()), ByteSize.formatApproximate(budget.budgetLimitBytes())));
			case FITS -> { }
		}
		return advice;
	}

	/** The ratios come from the latest accuracy matrix (catalog/accuracy.tsv), never from the code. */
	static Diagnostic worstCaseIsNominal(MeasuredAccuracy accuracy) {
		if (accuracy == null) {
			return Diagnostic.about("tmp_table_size", null, DiagnosticCode.WORST_CASE_IS_NOMINAL, Severity.INFO, "-", "-", "-", "-");
		}
		return Diagnostic.about("tmp_table_size", null, DiagnosticCode.WORST_CASE_IS_NOMINAL, Severity.INFO, accuracy.ceilingHeld(),
				accuracy.runs(), accuracy.ceilingOverPeakMin(), accuracy.ceilingOverPeakMax());
	}

	private static void perConnectionBufferTooLarge(EffectiveSettings settings, String name, List<Diagnostic> advice) {
		settings.variable(name).filter((variable) -> !variable.origin().isDefault() && variable.bytes() >= FOUR_MIB)
				.ifPresent((variable) -> advice.add(Diagnostic.about(name, variable.origin(), DiagnosticCode.LARGE_PER_CONNECTION_BUFFER, Severity.ADVICE, name, ByteSize.formatHuman(variable.bytes()))));
	}

}
