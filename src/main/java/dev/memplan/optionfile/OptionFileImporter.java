package dev.memplan.optionfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/** From uploaded option files to the settings one server instance would start with. */
public final class OptionFileImporter {

	/** mysqld_multi instances ({@code [mysqld3306]}) and suffix groups ({@code [mysqld.1]}). */
	private static final Pattern INSTANCE_GROUP = Pattern.compile("(mysqld|mariadbd)(\\d+|\\..+)");

	private final ServerCatalog catalog;

	public OptionFileImporter(ServerCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * @param instances the instance groups found, for the user to pick from
	 * @param options every option of the groups read, in file order, for display
	 */
	public record Imported(ServerSettings settings, List<String> instances, List<RawOption> options) {
	}

	public Imported read(List<OptionFile> files, ServerProfile profile, String instance) {
		OptionFileReader.Result result = new OptionFileReader().read(files);
		List<String> instances = result.groups().stream().filter((group) -> INSTANCE_GROUP.matcher(group).matches()).toList();
		Set<String> groups = OptionInterpreter.groupsRead(profile, instance);
		List<RawOption> read = result.options().stream().filter((option) -> groups.contains(option.group())).toList();
		ServerSettings settings = new OptionInterpreter(this.catalog, profile).interpret(read);
		List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
		if (instance != null && !instance.isBlank() && !instances.contains(instance.strip().toLowerCase(Locale.ROOT))) {
			diagnostics.add(Diagnostic.of(DiagnosticCode.UNKNOWN_INSTANCE, Severity.ERROR, instance, instances.isEmpty() ? "-" : String.join(", ", instances)));
		}
		else if ((instance == null || instance.isBlank()) && !instances.isEmpty()) {
			diagnostics.add(Diagnostic.of(DiagnosticCode.INSTANCES_FOUND, Severity.INFO, String.join(", ", instances)));
		}
		ServerSettings withReadingProblems = ServerSettings.empty();
		diagnostics.forEach(withReadingProblems::addDiagnostic);
		return new Imported(withReadingProblems.overrideWith(settings), instances, read);
	}

}
