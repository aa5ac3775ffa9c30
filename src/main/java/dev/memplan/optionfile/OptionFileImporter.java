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
		return open(files).imported(profile, instance);
	}

	/** Reads the files once; {@link Reading#imported} then gives any instance's settings without reading them again. */
	public Reading open(List<OptionFile> files) {
		OptionFileReader.Result result = new OptionFileReader().read(files);
		List<String> instances = result.groups().stream().filter((group) -> INSTANCE_GROUP.matcher(group).matches()).toList();
		return new Reading(result, instances);
	}

	/** The files as read: every option of every group, the reading problems and the instance groups. */
	public final class Reading {

		private final OptionFileReader.Result result;

		private final List<String> instances;

		private Reading(OptionFileReader.Result result, List<String> instances) {
			this.result = result;
			this.instances = instances;
		}

		/** The mysqld_multi and suffix instance groups, in file order. */
		public List<String> instances() {
			return this.instances;
		}

		/** How many options were read, in every group: the work one interpretation does. */
		public int optionsRead() {
			return this.result.options().size();
		}

		/** The settings the server reads for {@code instance} (null or blank: the shared groups only). */
		public Imported imported(ServerProfile profile, String instance) {
			Set<String> groups = OptionInterpreter.groupsRead(profile, instance);
			List<RawOption> read = this.result.options().stream().filter((option) -> groups.contains(option.group())).toList();
			ServerSettings settings = new OptionInterpreter(OptionFileImporter.this.catalog, profile).interpret(read);
			List<Diagnostic> diagnostics = new ArrayList<>(this.result.diagnostics());
			if (instance != null && !instance.isBlank() && !this.instances.contains(instance.strip().toLowerCase(Locale.ROOT))) {
				diagnostics.add(Diagnostic.of(DiagnosticCode.UNKNOWN_INSTANCE, Severity.ERROR, instance,
						this.instances.isEmpty() ? "-" : String.join(", ", this.instances)));
			}
			else if ((instance == null || instance.isBlank()) && !this.instances.isEmpty()) {
				diagnostics.add(Diagnostic.of(DiagnosticCode.INSTANCES_FOUND, Severity.INFO, String.join(", ", this.instances)));
			}
			ServerSettings withReadingProblems = ServerSettings.empty();
			diagnostics.forEach(withReadingProblems::addDiagnostic);
			return new Imported(withReadingProblems.overrideWith(settings), this.instances, read);
		}

	}

}
