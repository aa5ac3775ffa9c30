package dev.memplan.core;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A sentence of the message bundles ({@code messages*.properties}) as data: its key and the values
 * it names, so that the words are written once, in the bundles. A value is text or another Message,
 * said in the same language: the reason inside "Host RAM '16Q' is not a valid size: <reason>."
 * Pages say it in their language; {@link #inEnglish()} is the English of the API, the command line
 * and exception messages, read from the same {@code messages.properties} the English pages show.
 */
public record Message(String key, List<Object> args) {

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	public Message {
		args = List.copyOf(args);
		if (!args.stream().allMatch((arg) -> arg instanceof String || arg instanceof Message)) {
			throw new IllegalArgumentException("A message's values are text or messages: " + args);
		}
	}

	/** The message {@code key} with these values: a Message stays one, anything else becomes its text. */
	public static Message of(String key, Object... values) {
		return new Message(key, Arrays.stream(values).map((v) -> (v instanceof Message) ? v : String.valueOf(v)).toList());
	}

	/** Formatted as Spring's message source does: with {@link MessageFormat} when there are values, as written when there are none. */
	public String inEnglish() {
		return english(this.key, this.args.stream().map((arg) -> (arg instanceof Message m) ? m.inEnglish() : arg).toArray());
	}

	/** The message {@code key} in English with these values; the key itself when the bundle lacks it (MessagesTests forbids that). */
	public static String english(String key, Object[] values) {
		try {
			String pattern = ENGLISH.getString(key);
			return (values.length == 0) ? pattern : new MessageFormat(pattern, Locale.ROOT).format(values);
		}
		catch (MissingResourceException ex) {
			return key;
		}
	}

	/** Whether the English bundle has {@code key}. */
	public static boolean hasEnglish(String key) {
		return ENGLISH.containsKey(key);
	}

}
