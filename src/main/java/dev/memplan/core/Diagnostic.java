package dev.memplan.core;

import java.util.Arrays;
import java.util.List;

/**
 * One finding about the input or the plan, as data so that every view (page, JSON, command
 * line) can render it. {@code variable} and {@code origin} are null when not tied to one.
 * {@code message} is the English sentence; {@code args} are the values in it, so a page can
 * say the same in another language from its own message bundle: {@code messageKey} when the
 * finding is worded by a shared sentence (a variable note), else {@code diag.<code>}.
 */
public record Diagnostic(String code, Severity severity, String message, String variable, Origin origin, List<String> args,
		String messageKey) {

	public Diagnostic {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	public Diagnostic(String code, Severity severity, String message, String variable, Origin origin) {
		this(code, severity, message, variable, origin, List.of(), null);
	}

	public static Diagnostic of(String code, Severity severity, String message) {
		return new Diagnostic(code, severity, message, null, null);
	}

	public static Diagnostic about(String variable, Origin origin, String code, Severity severity, String message) {
		return new Diagnostic(code, severity, message, variable, origin);
	}

	/** The same finding with the values its message is made of. */
	public Diagnostic withArgs(Object... values) {
		return new Diagnostic(this.code, this.severity, this.message, this.variable, this.origin,
				Arrays.stream(values).map(String::valueOf).toList(), this.messageKey);
	}

	/** The same finding, worded in other languages by the message {@code key} with these values. */
	public Diagnostic wordedBy(String key, List<String> values) {
		return new Diagnostic(this.code, this.severity, this.message, this.variable, this.origin, values, key);
	}

}
