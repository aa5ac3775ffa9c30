package dev.memplan.budget;

import java.util.Arrays;
import java.util.List;

/**
 * What the server changed in a variable, and why. {@code text} is the English sentence;
 * {@code key} and {@code args} let a page say the same in its own language ({@code note.<key>}).
 */
public record VariableNote(String key, List<String> args, String text) {

	public VariableNote {
		args = List.copyOf(args);
	}

	static VariableNote of(String key, String text, Object... args) {
		return new VariableNote(key, Arrays.stream(args).map(String::valueOf).toList(), text);
	}

	/** For the VALUE_ADJUSTED diagnostic: the note's key, then its values. */
	public Object[] asDiagnosticArgs() {
		Object[] values = new Object[this.args.size() + 1];
		values[0] = this.key;
		for (int i = 0; i < this.args.size(); i++) {
			values[i + 1] = this.args.get(i);
		}
		return values;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
