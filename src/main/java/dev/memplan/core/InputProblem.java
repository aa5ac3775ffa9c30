package dev.memplan.core;

import java.util.Arrays;
import java.util.List;

/**
 * One field of the input that cannot be used, with the text as the user typed it. {@code message}
 * is English; {@code key} and {@code args} let a page say it in another language.
 */
public record InputProblem(String field, String text, String message, String key, List<String> args) {

	public InputProblem {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	public InputProblem(String field, String text, String message) {
		this(field, text, message, null, List.of());
	}

	/** The same problem with a message key ({@code error.…}) and the values in it, each cut to an excerpt. */
	public InputProblem withKey(String messageKey, Object... values) {
		return new InputProblem(this.field, this.text, this.message, messageKey,
				Arrays.stream(values).map(String::valueOf).map(InputProblem::excerpt).toList());
	}

	/** The text as typed, cut to 40 characters: a message never echoes a megabyte back. */
	public static String excerpt(String text) {
		return (text == null || text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
