package dev.memplan.web;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.memplan.budget.VariableNote;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;

/**
 * A diagnostic in the page's language ({@code ${@diag.text(d)}}): its own message key when it has
 * one, else {@code diag.<CODE>.<SEVERITY>}, then {@code diag.<CODE>}, with the diagnostic's values
 * (all through {@link ProblemText#of}); English pages, and any key that is
 * missing, get the diagnostic's own English sentence. The same for a variable's notes
 * ({@code ${@diag.note(n)}}, {@code note.<key>}) and for where a value came from
 * ({@code ${@diag.origin(o)}}, {@code origin.<key>}; file names stay as they are).
 */
@Component("diag")
public class DiagnosticText {

	private final ProblemText text;

	DiagnosticText(ProblemText text) {
		this.text = text;
	}

	public String text(Diagnostic diagnostic) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] args = diagnostic.args().toArray();
		for (String key : diagnostic.messageKeys()) {
			String text = this.text.of(key, args, null, locale);
			if (text != null) {
				return text;
			}
		}
		return diagnostic.code().name();
	}

	/** Where a finding was found, in the page's language; a repeated one names its other places and its count. */
	public String where(Diagnostic diagnostic) {
		StringBuilder where = new StringBuilder(origin(diagnostic.origin()));
		diagnostic.alsoAt().forEach((other) -> where.append(", ").append(origin(other)));
		if (diagnostic.occurrences() > 1 + diagnostic.alsoAt().size()) {
			where.append(", …");
		}
		if (diagnostic.occurrences() > 1) {
			where.append(" (").append(diagnostic.occurrences()).append(" ×)");
		}
		return where.toString();
	}

	public String origin(Origin origin) {
		return (origin.key() != null)
				? this.text.of("origin." + origin.key(), origin.args().toArray(), origin.toString(), LocaleContextHolder.getLocale())
				: origin.toString();
	}

	public String note(VariableNote note) {
		return this.text.of(note.messageKey(), note.args().toArray(), note.key(), LocaleContextHolder.getLocale());
	}

}
