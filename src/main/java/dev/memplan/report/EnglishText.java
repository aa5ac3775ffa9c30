package dev.memplan.report;

import java.util.List;

import dev.memplan.budget.VariableNote;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Message;

/**
 * The English words of the API, the command line and the exports, from the same bundle the pages
 * read ({@code messages.properties}, through {@link Message#english}), so that English is written once.
 */
public final class EnglishText {

	private EnglishText() {
	}

	/**
	 * "a" or "an" before a number as it is read aloud: "an" when its first spoken word starts with a
	 * vowel sound — eight (8, 80, 800, 8.5), eleven and eighteen (11, 18, and 11 000 read "eleven
	 * thousand") — else "a" ({@code a 16 GiB host}, {@code an 8 GiB host}, {@code a 1.5 GiB host}).
	 *
	 * @param number digits with an optional fraction and unit, as the pages print sizes ({@code 8 GiB})
	 */
	public static String article(String number) {
		String digits = number.strip();
		int end = 0;
		while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
			end++;
		}
		if (end == 0) {
			return "a";
		}
		String whole = digits.substring(0, end).replaceFirst("^0+(?=\\d)", "");
		// what is said first: the group of one to three digits before the first thousands separator
		String leading = whole.substring(0, ((whole.length() - 1) % 3) + 1);
		return (leading.startsWith("8") || leading.equals("11") || leading.equals("18")) ? "an" : "a";
	}

	/** The number with its article: {@code an 8 GiB}. */
	public static String withArticle(String number) {
		return article(number) + " " + number;
	}

	public static String of(Diagnostic diagnostic) {
		for (String key : diagnostic.messageKeys()) {
			if (Message.hasEnglish(key)) {
				return Message.english(key, diagnostic.args().toArray());
			}
		}
		return diagnostic.code().name() + " " + diagnostic.args();
	}

	public static String of(VariableNote note) {
		return Message.hasEnglish(note.messageKey()) ? Message.english(note.messageKey(), note.args().toArray())
				: note.key() + " " + note.args();
	}

	/** The message {@code key} with these values; the key itself when the bundle lacks it (a test forbids that). */
	public static String of(String key, List<String> args) {
		return Message.english(key, args.toArray());
	}

}
