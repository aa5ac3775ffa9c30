package dev.memplan.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.memplan.budget.ConnectionPolicy;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.optionfile.FilesRead;
import dev.memplan.optionfile.OptionFile;
import dev.memplan.optionfile.OptionFileImporter;
import dev.memplan.showvariables.PastedText;
import dev.memplan.showvariables.ShowVariablesImporter;

/** Plan from inputs and from imported files: the one place the page, the API and the command line turn input into a plan. */
public class PlanService {

	static final int MAX_FILES = 64;

	/** mysqld_multi hosts run a handful of instances; more are listed, not planned. */
	static final int MAX_INSTANCES_PLANNED = 16;

	/** Options interpreted over all instances' plans: a bound on the work however many instances and options. */
	static final long MAX_INSTANCE_OPTIONS = 400_000;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private final PlanQueryReader reader = new PlanQueryReader(this.catalog);

	private final Planner planner = Planner.standard();

	public Plan plan(PlanQuery query) {
		return plan(query, ImportRequest.NONE).plan();
	}

	/**
	 * Reads the imported text for the query's server (or, for a dump without a chosen server, the
	 * server its version names), then lets the query's own variables override what was read.
	 */
	public PlanResult plan(PlanQuery query, ImportRequest input) {
		if (input.files().size() > MAX_FILES) {
			throw new InvalidInputException(InputProblem.of("files", "", "error.files", MAX_FILES));
		}
		String dump = !ImportRequest.isBlank(input.showVariables()) ? input.showVariables()
				: PastedText.looksLikeShowVariables(input.mycnf()) ? input.mycnf() : null;
		PlanQuery effective = query;
		ServerSettings imported = ServerSettings.empty();
		List<String> instances = List.of();
		if (dump != null) {
			ServerProfile chosen = ImportRequest.isBlank(query.server()) ? null : this.catalog.profile(query.server()).orElse(null);
			ShowVariablesImporter.Imported read = new ShowVariablesImporter(this.catalog).read(dump, chosen);
			if (chosen == null && read.detected() != null) {
				effective = query.withServer(read.detected().profile().id());
			}
			imported.overrideWith(read.settings());
		}
		List<OptionFile> files = optionFiles(input, dump);
		String instance = ImportRequest.isBlank(input.instance()) ? null : input.instance().strip();
		FilesRead filesRead = null;
		if (!files.isEmpty()) {
			ServerProfile profile = this.catalog.profile(effective.server()).orElse(this.catalog.require(PlanQuery.DEFAULT_SERVER));
			OptionFileImporter.Reading reading = new OptionFileImporter(this.catalog).open(files);
			instances = reading.instances();
			if (instance == null && !instances.isEmpty()) {
				return planEveryInstance(effective, imported, reading, profile);
			}
			OptionFileImporter.Imported read = reading.imported(profile, instance);
			imported.overrideWith(read.settings());
			filesRead = read.filesRead();
		}
		PlanResult result = planWith(effective, imported, instances, null);
		return new PlanResult(result.plan(), result.query(), instances, instances.isEmpty() ? null : instance, List.of(), filesRead);
	}

	/**
	 * A file of mysqld_multi instances and no instance chosen: a plan of the shared groups alone would
	 * be a plan of no server that runs. Each instance is planned (at most {@link #MAX_INSTANCES_PLANNED},
	 * fewer when the files hold so many options that interpreting them once per instance would pass
	 * {@link #MAX_INSTANCE_OPTIONS}), the worst first; the result is the worst instance's plan.
	 */
	private PlanResult planEveryInstance(PlanQuery query, ServerSettings dumped, OptionFileImporter.Reading reading,
			ServerProfile profile) {
		List<String> instances = reading.instances();
		int affordable = (int) Math.max(1, Math.min(MAX_INSTANCES_PLANNED, MAX_INSTANCE_OPTIONS / Math.max(1, reading.optionsRead())));
		List<InstancePlan> plans = new ArrayList<>();
		Map<String, FilesRead> filesRead = new HashMap<>();
		for (String instance : instances.subList(0, Math.min(affordable, instances.size()))) {
			ServerSettings settings = ServerSettings.empty().overrideWith(dumped);
			OptionFileImporter.Imported read = reading.imported(profile, instance);
			settings.overrideWith(read.settings());
			filesRead.put(instance, read.filesRead());
			PlanResult planned = planWith(query, settings, instances, null);
			plans.add(new InstancePlan(instance, planned.plan(), planned.query()));
		}
		plans.sort(Comparator.comparingLong((InstancePlan p) -> p.plan().budget().worstCaseBytes()).reversed());
		InstancePlan worst = plans.get(0);
		long together = plans.stream().mapToLong((p) -> p.plan().budget().worstCaseBytes()).reduce(0, Math::addExact);
		Plan shown = worst.plan();
		List<Diagnostic> diagnostics = new ArrayList<>();
		diagnostics.add(Diagnostic.of(DiagnosticCode.INSTANCES_PLANNED, Severity.INFO, instances.size(), plans.size(), worst.instance(),
				ByteSize.formatApproximate(together)));
		diagnostics.addAll(shown.diagnostics());
		shown = new Plan(shown.profile(), shown.host(), shown.settings(), shown.budget(), shown.recommendation(), shown.solution(),
				List.copyOf(diagnostics));
		plans.set(0, new InstancePlan(worst.instance(), shown, worst.query()));
		return new PlanResult(shown, worst.query(), instances, worst.instance(), plans, filesRead.get(worst.instance()));
	}

	/** Checks the host fields alone, before anything slow (a live probe) is started. */
	public void validateHost(PlanQuery query) {
		this.reader.read(query.hostOnly(), ServerSettings.empty());
	}

	/**
	 * @param imported settings read elsewhere (a live server); the query's variables override them
	 * @param measuredPerformanceSchema performance_schema's size as the server reported it, or null
	 */
	public PlanResult planWith(PlanQuery query, ServerSettings imported, List<String> instances, Long measuredPerformanceSchema) {
		return planWith(query, imported, instances, measuredPerformanceSchema, null, null);
	}

	/**
	 * @param maxUsedConnections a live server's Max_used_connections, or null: the recommendation keeps at least this many
	 * @param threadsConnected a live server's Threads_connected, or null: SET PERSIST never lowers max_connections below it
	 */
	public PlanResult planWith(PlanQuery query, ServerSettings imported, List<String> instances, Long measuredPerformanceSchema,
			Long maxUsedConnections, Long threadsConnected) {
		PlanQueryReader.ReadQuery read = this.reader.read(query, imported);
		ConnectionPolicy connections = new ConnectionPolicy(read.allowFewerConnections(), maxUsedConnections, threadsConnected);
		Plan plan = this.planner.plan(read.profile(), read.settings(), read.host(), measuredPerformanceSchema, connections);
		return new PlanResult(plan, reproducing(query, plan), instances);
	}

	private static List<OptionFile> optionFiles(ImportRequest input, String dump) {
		List<OptionFile> files = new ArrayList<>();
		if (!ImportRequest.isBlank(input.mycnf()) && dump != input.mycnf()) {
			files.add(new OptionFile("my.cnf", input.mycnf()));
		}
		input.files().forEach((name, text) -> files.add(new OptionFile(name, text)));
		return files;
	}

	/** The values that were given or read, as query variables: a permalink that needs no file. */
	private static PlanQuery reproducing(PlanQuery query, Plan plan) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (EffectiveVariable variable : plan.settings().variables().values()) {
			Origin.Kind kind = variable.origin().kind();
			if (kind != Origin.Kind.DEFAULT && kind != Origin.Kind.COMPUTED) {
				String given = query.variables().get(variable.name());
				variables.put(variable.name(), (given != null) ? given : variable.text());
			}
		}
		return query.withServer(plan.profile().id()).withVariables(variables);
	}

}
