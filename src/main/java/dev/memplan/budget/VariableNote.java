package dev.memplan.budget;

import java.util.Arrays;
import java.util.List;

/**
 * What the server changed in a variable, and why: the message {@code note.<key>} with its values,
 * said in each view's language from the message bundles.
 */
public record VariableNote(String key, List<String> args) {

	public VariableNote {
		args = List.copyOf(args);
	}

	static VariableNote of(String key, Object... args) {
		return new VariableNote(key, Arrays.stream(args).map(String::valueOf).toList());
	}

	/** The message that says this note. */
	public String messageKey() {
		return "note." + this.key;
	}

}
