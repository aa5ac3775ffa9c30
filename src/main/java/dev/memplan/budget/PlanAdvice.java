package dev.memplan.budget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/** What a DBA would point out when reading the plan: risky values and what the verdict means (docs/memory-model.md#advice). */
final class PlanAdvice {

	private static final long FOUR_MIB = 4L << 20;

	/** max_connections from which memplan asks whether the application really opens that many. */
	static final long MANY_CONNECTIONS = 10_000;

	/** A per-connection buffer whose cost at max_connections reaches this share of RAM is worth a warning. */
	static final long LARGE_SHARE_PERCENT = 25;

	/** The per-connection line items checked for their share of RAM, with the variable a DBA sets. */
	private static final Map<String, String> SHARE_CHECKED = Map.of("sort_buffer", "sort_buffer_size", "join_buffer",
			"join_buffer_size", "read_buffer", "read_buffer_size", "read_rnd_buffer", "read_rnd_buffer_size", "tmp_table",
			"tmp_table_size", "binlog_caches", "binlog_cache_size");

	/** @param mustServe the connections the server must serve (the solver's demand) */
	List<Diagnostic> advise(EffectiveSettings settings, Budget budget, Recommendation recommendation, long mustServe) {
		List<Diagnostic> advice = new ArrayList<>();
		poolAgainstRam(settings, budget, advice);
		manyConnections(settings, budget, advice);
		Set<String> shareWarned = perConnectionShareOfRam(settings, budget, advice);
		if (!shareWarned.contains("sort_buffer_size")) {
			perConnectionBufferTooLarge(settings, "sort_buffer_size", advice);
		}
		if (!shareWarned.contains("join_buffer_size")) {
			perConnectionBufferTooLarge(settings, "join_buffer_size", advice);
		}
		largeQueryCache(settings, budget, advice);
		settings.variable("tmp_table_size").ifPresent((tmp) -> {
			if ("TempTable".equals(settings.text("internal_tmp_mem_storage_engine")) && settings.has("temptable_max_ram")) {
				// under TempTable, max_heap_table_size bounds only MEMORY tables a user creates; internal temp
				// tables stop at tmp_table_size and all of them share temptable_max_ram
				long ram = settings.bytes("temptable_max_ram");
				if (tmp.bytes() > ram) {
					advice.add(Diagnostic.about("tmp_table_size", tmp.origin(), DiagnosticCode.TMP_TABLE_ABOVE_TEMPTABLE_RAM, Severity.ADVICE,
							ByteSize.formatApproximate(tmp.bytes()), ByteSize.formatApproximate(ram)));
				}
				return;
			}
			long heap = settings.bytes("max_heap_table_size");
			if (tmp.bytes() > heap) {
				advice.add(Diagnostic.about("tmp_table_size", tmp.origin(), DiagnosticCode.TMP_TABLE_CAPPED_BY_HEAP, Severity.ADVICE, ByteSize.formatApproximate(tmp.bytes()), ByteSize.formatApproximate(heap)));
			}
		});
		Long expected = budget.expectedConnections();
		if (expected != null && expected > budget.connectionSlots()) {
			advice.add(Diagnostic.about("max_connections", settings.variable("max_connections").map(EffectiveVariable::origin).orElse(Origin.request()), DiagnosticCode.EXPECTED_ABOVE_MAX_CONNECTIONS, Severity.WARNING, expected, budget.connectionSlots()));
		}
		budget.lineItems().stream().filter((item) -> item.id().equals("tmp_table") && item.bytes() > 0).findFirst()
			.ifPresent((item) -> advice.add(worstCaseIsNominal(MeasuredAccuracy.standard())));
		String capsFrom = MemoryCaps.missingFrom(settings);
		if (capsFrom != null) {
			// the cap memplan would recommend is not there to set: say what stands in for it
			advice.add(Diagnostic.about("connection_memory_limit", null, DiagnosticCode.NO_SERVER_CAP, Severity.INFO,
					"MySQL " + settings.release(), capsFrom,
					ByteSize.formatApproximate(budget.worstCaseBytes()), ByteSize.formatApproximate(budget.budgetLimitBytes())));
		}
		MemoryCaps.CannotFit cannot = MemoryCaps.cannotFit(settings, budget, MemoryTerms.standard(), mustServe);
		if (cannot != null) {
			// caps squeezed below ordinary work would close ordinary connections: say so, recommend none
			advice.add(Diagnostic.about(settings.profile().isMariaDb() ? "max_session_mem_used" : "connection_memory_limit", null,
					DiagnosticCode.CAPS_CANNOT_FIT, Severity.ADVICE, cannot.mustServe(), ByteSize.formatApproximate(cannot.ordinary().statementBytes()),
					ByteSize.formatApproximate(cannot.cappedWorstCaseBytes()), ByteSize.formatApproximate(cannot.budgetLimitBytes())));
		}
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

	/** A pool at or above RAM is its own error (it cannot stay resident); above the limit, a warning. */
	private static void poolAgainstRam(EffectiveSettings settings, Budget budget, List<Diagnostic> advice) {
		settings.variable("innodb_buffer_pool_size").ifPresent((pool) -> {
			if (pool.bytes() >= budget.hostRamBytes()) {
				advice.add(Diagnostic.about("innodb_buffer_pool_size", pool.origin(), DiagnosticCode.POOL_AT_OR_ABOVE_RAM, Severity.ERROR,
						ByteSize.formatApproximate(pool.bytes()), ByteSize.formatApproximate(budget.hostRamBytes())));
			}
			else if (pool.bytes() > budget.budgetLimitBytes()) {
				advice.add(Diagnostic.about("innodb_buffer_pool_size", pool.origin(), DiagnosticCode.POOL_ABOVE_LIMIT, Severity.WARNING,
						ByteSize.formatApproximate(pool.bytes()), ByteSize.formatApproximate(budget.budgetLimitBytes())));
			}
		});
	}

	/** max_connections in the tens of thousands: a thread and its buffers each, rarely what an application needs. */
	private static void manyConnections(EffectiveSettings settings, Budget budget, List<Diagnostic> advice) {
		settings.variable("max_connections").filter((connections) -> connections.bytes() >= MANY_CONNECTIONS)
			.ifPresent((connections) -> advice.add(Diagnostic.about("max_connections", connections.origin(),
					DiagnosticCode.MAX_CONNECTIONS_VERY_HIGH, Severity.WARNING, connections.bytes(),
					ByteSize.formatApproximate(budget.worstCaseBytes()))));
	}

	/**
	 * A per-connection buffer set above its default whose cost at max_connections + 1 is a large
	 * share of RAM ({@value #LARGE_SHARE_PERCENT} % or more): every one of them, not only sort and join.
	 * @return the variables warned about
	 */
	private static Set<String> perConnectionShareOfRam(EffectiveSettings settings, Budget budget, List<Diagnostic> advice) {
		Set<String> warned = new HashSet<>();
		for (LineItem item : budget.lineItems()) {
			String variable = SHARE_CHECKED.get(item.id());
			if (variable == null || item.bytes() <= 0) {
				continue;
			}
			EffectiveVariable configured = settings.variable(variable).orElse(null);
			if (configured == null || configured.origin().isDefault()) {
				continue;
			}
			long total = Math.multiplyExact(item.bytes(), budget.connectionSlots());
			long percent = total / Math.max(1, budget.hostRamBytes() / 100);
			if (percent >= LARGE_SHARE_PERCENT) {
				warned.add(variable);
				advice.add(Diagnostic.about(variable, configured.origin(), DiagnosticCode.PER_CONNECTION_LARGE_SHARE, Severity.WARNING,
						variable, ByteSize.formatApproximate(configured.bytes()), budget.connectionSlots(), ByteSize.formatApproximate(total),
						percent));
			}
		}
		return warned;
	}

	/** A query cache above 64 MiB: one global mutex, invalidated by every write to a table. */
	private static void largeQueryCache(EffectiveSettings settings, Budget budget, List<Diagnostic> advice) {
		budget.lineItems().stream().filter((item) -> item.id().equals("query_cache") && item.bytes() > BudgetSolver.QUERY_CACHE_CEILING)
			.findFirst()
			.ifPresent((item) -> advice.add(Diagnostic.about("query_cache_size",
					settings.variable("query_cache_size").map(EffectiveVariable::origin).orElse(null),
					DiagnosticCode.QUERY_CACHE_LARGE, Severity.WARNING, ByteSize.formatApproximate(item.bytes()))));
	}

	private static void perConnectionBufferTooLarge(EffectiveSettings settings, String name, List<Diagnostic> advice) {
		settings.variable(name).filter((variable) -> !variable.origin().isDefault() && variable.bytes() >= FOUR_MIB)
				.ifPresent((variable) -> advice.add(Diagnostic.about(name, variable.origin(), DiagnosticCode.LARGE_PER_CONNECTION_BUFFER, Severity.ADVICE, name, ByteSize.formatApproximate(variable.bytes()))));
	}

}
