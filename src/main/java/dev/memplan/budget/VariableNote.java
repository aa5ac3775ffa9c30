package dev.memplan.budget;

import java.util.Arrays;
import java.util.List;

/**
 * What the server changed in a variable, and why. {@code text} is the English sentence;
 * {@code key} and {@code args} let a page say the same in its own language ({@link #messageKey()}).
 */
public record VariableNote(String key, List<String> args, String text) {

	public VariableNote {
		args = List.copyOf(args);
	}

	static VariableNote of(String key, String text, Object... args) {
		return new VariableNote(key, Arrays.stream(args).map(String::valueOf).toList(), text);
	}

	/** The message that says this note in another language. */
	public String messageKey() {
		return "note." + this.key;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
