package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;

/** The one entry point from settings to a plan: normalize, budget, recommend, advise. */
public final class Planner {

	private final SettingsNormalizer normalizer;

	private final BudgetCalculator calculator = new BudgetCalculator();

	private final BufferPoolAdvisor advisor;

	public Planner(ServerCatalog catalog, TierTable tiers) {
		this.normalizer = new SettingsNormalizer(catalog);
		this.advisor = new BufferPoolAdvisor(catalog, tiers);
	}

	public static Planner standard() {
		return new Planner(ServerCatalog.standard(), TierTable.standard());
	}

	public Plan plan(ServerProfile profile, ServerSettings settings, HostSpec host) {
		return plan(profile, settings, host, null);
	}

	/**
	 * @param measuredPerformanceSchema performance_schema's size read from a live server, or null
	 * @throws InvalidInputException when a value cannot be read or the totals pass what a long can hold
	 */
	public Plan plan(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema) {
		try {
			EffectiveSettings effective = this.normalizer.normalize(profile, settings, host);
			Budget budget = this.calculator.calculate(effective, host, measuredPerformanceSchema);
			Recommendation recommendation = this.advisor.recommend(profile, settings, host, measuredPerformanceSchema);
			List<Diagnostic> diagnostics = new ArrayList<>(effective.diagnostics());
			diagnostics.addAll(new PlanAdvice().advise(effective, budget, recommendation));
			return new Plan(profile, host, effective, budget, recommendation, diagnostics);
		}
		catch (ArithmeticException ex) {
			throw new InvalidInputException(new InputProblem("variables", "",
					"The configured sizes add up to more than 8 EiB; no host can hold this configuration.").withKey("error.tooLarge"));
		}
	}

}
