package dev.memplan.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dev.memplan.budget.VariableNote;
import dev.memplan.core.Diagnostic;

/**
 * The English words of the API, the command line and the exports, from the same bundle the pages
 * read ({@code messages.properties}), so that English is written once. Formatted as Spring's
 * message source does: with {@link MessageFormat} when there are values, as written when there
 * are none.
 */
public final class EnglishText {

	private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private EnglishText() {
	}

	public static String of(Diagnostic diagnostic) {
		for (String key : diagnostic.messageKeys()) {
			if (BUNDLE.containsKey(key)) {
				return format(key, diagnostic.args());
			}
		}
		return diagnostic.code().name() + " " + diagnostic.args();
	}

	public static String of(VariableNote note) {
		return BUNDLE.containsKey(note.messageKey()) ? format(note.messageKey(), note.args()) : note.key() + " " + note.args();
	}

	/** The message {@code key} with these values; the key itself when the bundle lacks it (a test forbids that). */
	public static String of(String key, List<String> args) {
		return BUNDLE.containsKey(key) ? format(key, args) : key;
	}

	private static String format(String key, List<String> args) {
		try {
			String pattern = BUNDLE.getString(key);
			return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args.toArray());
		}
		catch (MissingResourceException ex) {
			return key;
		}
	}

}
