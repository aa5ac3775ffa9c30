package dev.memplan.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.memplan.budget.VariableNote;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;

/**
 * A diagnostic in the page's language ({@code ${@diag.text(d)}}): {@code diag.<CODE>.<SEVERITY>},
 * then {@code diag.<CODE>}, with the diagnostic's values; English pages, and any key that is
 * missing, get the diagnostic's own English sentence. The same for a variable's notes
 * ({@code ${@diag.note(n)}}, {@code note.<key>}) and for where a value came from
 * ({@code ${@diag.origin(o)}}, {@code origin.<key>}; file names stay as they are).
 */
@Component("diag")
public class DiagnosticText {

	private final MessageSource messages;

	DiagnosticText(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Diagnostic diagnostic) {
		Locale locale = LocaleContextHolder.getLocale();
		if ("en".equals(locale.getLanguage())) {
			return diagnostic.message(); // the domain's own sentence, with the exact detail
		}
		Object[] args = diagnostic.args().toArray();
		if ("VALUE_ADJUSTED".equals(diagnostic.code()) && args.length > 0) {
			// its values are a variable note's key and values: say the note in this language first
			String note = this.messages.getMessage("note." + args[0], Arrays.copyOfRange(args, 1, args.length), null,
					locale);
			if (note == null) {
				return diagnostic.message();
			}
			args = new Object[] { note };
		}
		for (String key : new String[] { "diag." + diagnostic.code() + "." + diagnostic.severity(), "diag." + diagnostic.code() }) {
			String text = this.messages.getMessage(key, args, null, locale);
			if (text != null) {
				return text;
			}
		}
		return diagnostic.message();
	}

	public String origin(Origin origin) {
		Locale locale = LocaleContextHolder.getLocale();
		if (origin.key() == null || "en".equals(locale.getLanguage())) {
			return origin.toString();
		}
		String text = this.messages.getMessage("origin." + origin.key(), origin.args().toArray(), null, locale);
		return (text != null) ? text : origin.toString();
	}

	public String note(VariableNote note) {
		Locale locale = LocaleContextHolder.getLocale();
		if ("en".equals(locale.getLanguage())) {
			return note.text();
		}
		String text = this.messages.getMessage("note." + note.key(), note.args().toArray(), null, locale);
		return (text != null) ? text : note.text();
	}

}
