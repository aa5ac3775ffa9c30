package dev.memplan.app;

import java.util.ArrayList;
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
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Origin;
import dev.memplan.optionfile.OptionFile;
import dev.memplan.optionfile.OptionFileImporter;
import dev.memplan.showvariables.PastedText;
import dev.memplan.showvariables.ShowVariablesImporter;

/** Plan from inputs and from imported files: the one place the page, the API and the command line turn input into a plan. */
public class PlanService {

	static final int MAX_FILES = 64;

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
			throw new InvalidInputException(new InputProblem("files", "", "At most " + MAX_FILES + " files can be read at once.")
				.withKey("error.files", MAX_FILES));
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
		if (!files.isEmpty()) {
			ServerProfile profile = this.catalog.profile(effective.server()).orElse(this.catalog.require(PlanQuery.DEFAULT_SERVER));
			OptionFileImporter.Imported read = new OptionFileImporter(this.catalog).read(files, profile, input.instance());
			imported.overrideWith(read.settings());
			instances = read.instances();
		}
		return planWith(effective, imported, instances, null);
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
