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
	public record Imported(ServerSettings settings, List<String> instances, List<RawOption> options, FilesRead filesRead) {
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
			OptionInterpreter interpreter = new OptionInterpreter(OptionFileImporter.this.catalog, profile);
			ServerSettings settings = interpreter.interpret(read);
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
			return new Imported(withReadingProblems.overrideWith(settings), this.instances, read, filesRead(groups, interpreter));
		}

		/** The panel: the files as read, then the first options with what became of each (one pass, bounded rows). */
		private FilesRead filesRead(Set<String> groups, OptionInterpreter interpreter) {
			List<RawOption> all = this.result.options();
			List<FilesRead.OptionRead> rows = new ArrayList<>();
			for (RawOption option : all.subList(0, Math.min(FilesRead.MAX_OPTIONS, all.size()))) {
				FilesRead.Status status;
				if (!groups.contains(option.group())) {
					status = INSTANCE_GROUP.matcher(option.group()).matches() ? FilesRead.Status.OTHER_INSTANCE : FilesRead.Status.OTHER_PROGRAM;
				}
				else {
					FilesRead.Status interpreted = interpreter.status(option);
					status = (interpreted != null) ? interpreted : FilesRead.Status.USED;
				}
				rows.add(new FilesRead.OptionRead(option.origin(), option.group(), option.name(), status,
						(status == FilesRead.Status.OVERRIDDEN) ? interpreter.overriddenBy(option) : null));
			}
			return new FilesRead(this.result.files(), this.result.moreFiles(), List.copyOf(rows), all.size() - rows.size());
		}

	}

}
