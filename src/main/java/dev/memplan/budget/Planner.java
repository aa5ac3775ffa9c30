package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Diagnostics;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;

/** The one entry point from settings to a plan: normalize, budget, recommend, solve, advise. */
public final class Planner {

	private final SettingsNormalizer normalizer;

	private final BudgetCalculator calculator = new BudgetCalculator();

	private final BufferPoolAdvisor advisor;

	private final BudgetSolver solver = new BudgetSolver();

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

	public Plan plan(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema) {
		return plan(profile, settings, host, measuredPerformanceSchema, ConnectionPolicy.KEEP);
	}

	/**
	 * @param measuredPerformanceSchema performance_schema's size read from a live server, or null
	 * @param connections whether max_connections may go down, and what a live server says about its load
	 * @throws InvalidInputException when a value cannot be read or the totals pass what a long can hold
	 */
	public Plan plan(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema,
			ConnectionPolicy connections) {
		try {
			Assessment assessment = assess(profile, settings, host, measuredPerformanceSchema);
			EffectiveSettings effective = assessment.settings();
			Budget budget = assessment.budget();
			long kept = ConnectionDemand.of(effective.bytes("max_connections"), host.expectedConnections(), connections).kept();
			PoolTarget target = poolTarget(profile, settings, host, measuredPerformanceSchema, kept);
			Recommendation recommendation = this.advisor.recommend(profile, settings, host, measuredPerformanceSchema, target);
			Solution solution = this.solver.solve(new SolverContext(this, profile, settings, host, measuredPerformanceSchema,
					assessment, target.bytes()), connections);
			List<Diagnostic> diagnostics = new ArrayList<>(effective.diagnostics());
			diagnostics.addAll(new PlanAdvice().advise(effective, budget, recommendation, solution.demand().mustServe()));
			return new Plan(profile, host, effective, budget, recommendation, solution, Diagnostics.grouped(diagnostics));
		}
		catch (ArithmeticException ex) {
			throw new InvalidInputException(InputProblem.of("variables", "", "error.tooLarge"));
		}
	}

	/** One pass through the normalizer and the calculator: what the solver budgets each variant with. */
	Assessment assess(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema) {
		EffectiveSettings effective = this.normalizer.normalize(profile, settings, host);
		return new Assessment(effective, this.calculator.calculate(effective, host, measuredPerformanceSchema));
	}

	/**
	 * The pool the tier table gives this host before rounding to the server's granule; above the
	 * table's last row, RAM less the reserve this configuration needs with {@code connections}.
	 */
	PoolTarget poolTarget(ServerProfile profile, ServerSettings settings, HostSpec host, Long measuredPerformanceSchema,
			long connections) {
		return this.advisor.target(profile, settings, host, measuredPerformanceSchema, connections);
	}

}
