package dev.memplan.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.memplan.budget.Budget;
import dev.memplan.budget.ChangeSet;
import dev.memplan.budget.Solution;
import dev.memplan.budget.CappedCeiling;
import dev.memplan.budget.ExpectedPeak;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.Plan;
import dev.memplan.budget.PoolTarget;
import dev.memplan.budget.Recommendation;
import dev.memplan.catalog.VariableType;
import dev.memplan.core.Diagnostic;
import dev.memplan.app.PlanResult;
import dev.memplan.budget.LineItem;
import dev.memplan.budget.Tier;

/** Domain plan → JSON records. */
public final class PlanResponseMapper {

	private PlanResponseMapper() {
	}

	public static PlanResponse toResponse(PlanResult result) {
		Plan plan = result.plan();
		String permalink = result.permalink();
		Budget budget = plan.budget();
		long mustServe = plan.solution().demand().mustServe();
		PlanResponse.Totals totals = new PlanResponse.Totals(budget.globalBytes(), budget.perConnectionBytes(),
				budget.connectionSlots(), budget.worstCaseBytes(), budget.expectedConnections(), budget.expectedPeakBytes(),
				budget.budgetLimitBytes(), budget.overByBytes(), budget.headroomBytes(), expectedPeak(budget.expectedPeak()),
				capped(budget.capped()), recommendedCaps(MemoryCaps.recommend(plan.settings(), budget, MemoryTerms.standard(), mustServe)));
		Map<String, PlanResponse.Variable> variables = new LinkedHashMap<>();
		plan.settings().variables().forEach((name, variable) -> variables.put(name, variable(variable)));
		plan.settings().namedKeyCacheBytes().forEach((cache, bytes) -> variables.put(cache + ".key_buffer_size",
				new PlanResponse.Variable(Long.toString(bytes), BigInteger.valueOf(bytes), "input", List.of())));
		return new PlanResponse(plan.profile().id(), plan.profile().displayName(), plan.host().hostRamBytes(), totals,
				budget.verdict().name(),
				budget.lineItems().stream().map((item) -> new PlanResponse.LineItem(item.id(), item.term(), item.scope().name(),
						item.bytes(), item.variables(), item.explanation(), item.estimate())).toList(),
				variables, recommendation(plan), levers(plan.solution().chosen()), solution(plan.solution()),
				plan.diagnostics().stream().map(PlanResponseMapper::warning).toList(), result.instances(), permalink,
				result.instance(), result.instancePlans().stream().map((p) -> new PlanResponse.InstancePlan(p.instance(),
						p.plan().budget().verdict().name(), p.plan().budget().worstCaseBytes(), p.plan().budget().overByBytes(),
						p.plan().budget().headroomBytes(), p.permalink(null))).toList(),
				filesRead(result.filesRead()));
	}

	private static PlanResponse.FilesRead filesRead(dev.memplan.optionfile.FilesRead read) {
		if (read == null) {
			return null;
		}
		return new PlanResponse.FilesRead(read.files().stream().map((f) -> new PlanResponse.FileRead(f.name(), f.reason().name(),
				f.directive(), (f.directiveOrigin() != null) ? f.directiveOrigin().toString() : null, f.timesRead(), f.groups())).toList(),
				read.moreFiles(),
				read.options().stream().map((o) -> new PlanResponse.OptionRead(o.origin().toString(), o.group(), o.name(), o.status().name(),
						(o.by() != null) ? o.by().toString() : null)).toList(),
				read.moreOptions());
	}

	private static PlanResponse.ExpectedPeak expectedPeak(ExpectedPeak peak) {
		return (peak != null) ? new PlanResponse.ExpectedPeak(peak.connections(), peak.lowBytes(), peak.nominalBytes(), peak.highBytes(),
				"offline: a range, from every connection idle to every connection at its worst; the statements decide where a server lands")
				: null;
	}

	private static PlanResponse.RecommendedCaps recommendedCaps(MemoryCaps caps) {
		if (caps == null) {
			return null;
		}
		Map<String, String> settings = new LinkedHashMap<>();
		caps.lines().forEach((line) -> settings.put(line[0], line[1]));
		return new PlanResponse.RecommendedCaps(caps.sessionCapBytes(), caps.globalCapBytes(), caps.cappedWorstCaseBytes(),
				caps.ordinary().statementBytes(), caps.ordinary().idleBytes(), caps.mustServe(), caps.ordinaryAtOnce(), settings,
				"A statement or connection over the cap fails with an error instead of the host running out of memory; "
						+ "the cap bounds tracked memory only, so the capped ceiling adds what it does not track (measured). "
						+ "Each connection may still run an ordinary statement (each buffer once and one temporary table)."
						+ ((caps.fromRelease() != null) ? " These caps need MySQL " + caps.fromRelease() + " or later." : ""),
				caps.fromRelease());
	}

	private static PlanResponse.Capped capped(CappedCeiling capped) {
		return (capped != null) ? new PlanResponse.Capped(capped.variables(), capped.capBytes(), capped.untrackedPerConnectionBytes(),
				capped.perConnectionBytes(), capped.worstCaseBytes()) : null;
	}

	private static PlanResponse.Variable variable(EffectiveVariable variable) {
		boolean numeric = variable.spec().type() == VariableType.SIZE || variable.spec().type() == VariableType.COUNT;
		return new PlanResponse.Variable(variable.text(),
				numeric ? new BigInteger(Long.toUnsignedString(variable.value())) : null, variable.origin().toString(),
				variable.notes().stream().map(EnglishText::of).toList());
	}

	private static PlanResponse.Recommendation recommendation(Plan plan) {
		Recommendation recommendation = plan.recommendation();
		PlanResponse.Tier tier = (recommendation.tier() != null)
				? new PlanResponse.Tier(recommendation.tier().instanceClass(), recommendation.tier().memoryBytes(),
						ratio(recommendation.tier().ratioPercent()))
				: null;
		return new PlanResponse.Recommendation(tier, ratio(recommendation.poolRatioPercent()), recommendation.bufferPoolBytes(),
				recommendation.granuleBytes(), recommendation.granuleExplanation(),
				recommendation.dedicatedServerBufferPoolBytes(), recommendation.rdsDefaultBufferPoolBytes(),
				recommendation.budgetWithRecommendation().worstCaseBytes(), recommendation.maxConnectionsThatFit(),
				recommendation.target().rule().name(), reserve(recommendation.target()), SnippetWriter.write(plan));
	}

	private static Long reserve(PoolTarget target) {
		return (target.rule() == PoolTarget.Rule.RAM_LESS_RESERVE) ? target.reserveBytes() : null;
	}

	private static List<PlanResponse.Lever> levers(ChangeSet option) {
		return option.levers().stream()
			.map((lever) -> new PlanResponse.Lever(lever.variable(), lever.from(), lever.to(), lever.savesBytes(), lever.kind().name()))
			.toList();
	}

	private static PlanResponse.Solution solution(Solution solution) {
		return new PlanResponse.Solution(solution.demand().mustServe(), solution.demand().allowFewer(),
				solution.demand().threadsConnected(), option(solution.chosen()),
				solution.alternatives().stream().map(PlanResponseMapper::option).toList());
	}

	private static PlanResponse.Option option(ChangeSet option) {
		Budget replanned = option.replanned();
		return new PlanResponse.Option(option.option().name(), option.fits(), option.maxConnections(), option.bufferPoolBytes(),
				replanned.worstCaseBytes(), replanned.budgetLimitBytes(), replanned.verdict().name(), replanned.overByBytes(),
				replanned.headroomBytes(), option.smallestFittingRamBytes(), levers(option), option.values());
	}

	private static BigDecimal ratio(int percent) {
		return BigDecimal.valueOf(percent, 2);
	}

	static PlanResponse.Warning warning(Diagnostic diagnostic) {
		return new PlanResponse.Warning(diagnostic.code().name(), diagnostic.severity().name(), EnglishText.of(diagnostic),
				diagnostic.variable(), diagnostic.where(), diagnostic.occurrences());
	}

}
