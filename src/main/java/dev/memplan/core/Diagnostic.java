package dev.memplan.core;

/**
 * One finding about the input or the plan, as data so that every view (page, JSON, command
 * line) can render it. {@code variable} and {@code origin} are null when not tied to one.
 */
public record Diagnostic(String code, Severity severity, String message, String variable, Origin origin) {

	public static Diagnostic of(String code, Severity severity, String message) {
		return new Diagnostic(code, severity, message, null, null);
	}

	public static Diagnostic about(String variable, Origin origin, String code, Severity severity, String message) {
		return new Diagnostic(code, severity, message, variable, origin);
	}

}
