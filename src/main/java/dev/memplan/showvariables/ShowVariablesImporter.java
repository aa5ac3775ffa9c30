package dev.memplan.showvariables;

import java.util.Map;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.ServerVersions;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/** A pasted SHOW GLOBAL VARIABLES dump → the settings of that server, and the profile its version implies. */
public final class ShowVariablesImporter {

	private final ServerCatalog catalog;

	public ShowVariablesImporter(ServerCatalog catalog) {
		this.catalog = catalog;
	}

	/** @param detected the profile the dump's version implies; null when it carries no version */
	public record Imported(ServerSettings settings, ServerVersions.Detected detected, int variablesRead) {
	}

	/** @param profile the profile to plan with; null to take the one the dump's version implies */
	public Imported read(String text, ServerProfile profile) {
		Map<String, ShowVariablesParser.Entry> variables = new ShowVariablesParser().parse(text);
		ShowVariablesParser.Entry version = variables.get("version");
		ShowVariablesParser.Entry comment = variables.get("version_comment");
		ServerVersions.Detected detected = (version != null)
				? ServerVersions.detect(this.catalog, version.value(), (comment != null) ? comment.value() : null) : null;
		ServerProfile target = (profile != null) ? profile : (detected != null) ? detected.profile() : null;
		ServerSettings settings = ServerSettings.empty();
		if (detected != null) {
			// the dump may list a selection only: its version says which variables the server lacks
			settings.release(detected.version());
		}
		if (variables.isEmpty()) {
			settings.addDiagnostic(Diagnostic.of(DiagnosticCode.NO_VARIABLES, Severity.ERROR));
			return new Imported(settings, detected, 0);
		}
		if (detected != null && detected.note() != null) {
			settings.addDiagnostic(Diagnostic.about("version", Origin.showVariables(version.line()), DiagnosticCode.VERSION_APPROXIMATED, Severity.INFO, detected.version(), detected.profile().displayName()));
		}
		if (target == null) {
			return new Imported(settings, null, variables.size());
		}
		for (var entry : variables.entrySet()) {
			String name = entry.getKey();
			if (this.catalog.variable(target, name).isPresent()) {
				settings.set(name, entry.getValue().value(), Origin.showVariables(entry.getValue().line()));
			}
			else if (this.catalog.isKnownAnywhere(name)) {
				settings.addDiagnostic(Diagnostic.about(name, Origin.showVariables(entry.getValue().line()), DiagnosticCode.NOT_ON_THIS_SERVER, Severity.INFO, name, target.displayName()));
			}
		}
		return new Imported(settings, detected, variables.size());
	}

}
