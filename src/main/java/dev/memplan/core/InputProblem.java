package dev.memplan.core;

import java.util.Arrays;

/**
 * One field of the input that cannot be used, with the text as the user typed it, and the
 * {@code message} that says why: its words are in the message bundles, so a page says it in its
 * own language and the API and the command line in English ({@link Message#inEnglish()}).
 */
public record InputProblem(String field, String text, Message message) {

	/**
	 * The problem worded by the message {@code key} ({@code error.…}) with these values: text is cut to
	 * an excerpt, a {@link Message} (the reason a size is refused) stays one.
	 */
	public static InputProblem of(String field, String text, String key, Object... values) {
		return new InputProblem(field, text, Message.of(key, Arrays.stream(values)
			.map((value) -> (value instanceof Message) ? value : excerpt(String.valueOf(value))).toArray()));
	}

	/** The text as typed, cut to 40 characters: a message never echoes a megabyte back. */
	public static String excerpt(String text) {
		return (text == null || text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
