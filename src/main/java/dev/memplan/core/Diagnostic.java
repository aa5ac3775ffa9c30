package dev.memplan.core;

import java.util.Arrays;
import java.util.List;

/**
 * One finding about the input or the plan, as data so that every view (page, JSON, command line)
 * says it from the message bundles in its own language: the {@code code}, and the {@code args}
 * that fill its message. {@code variable} and {@code origin} are null when not tied to one.
 * {@code messageKey} is set when the finding is worded by a shared sentence (a variable's note)
 * rather than by its code. The same finding on several lines is one diagnostic: {@code occurrences}
 * counts them and {@code alsoAt} holds the first few origins after {@code origin} ({@link Diagnostics#grouped}).
 */
public record Diagnostic(DiagnosticCode code, Severity severity, String variable, Origin origin, List<String> args,
		String messageKey, int occurrences, List<Origin> alsoAt) {

	public Diagnostic {
		args = (args != null) ? List.copyOf(args) : List.of();
		alsoAt = (alsoAt != null) ? List.copyOf(alsoAt) : List.of();
		occurrences = Math.max(1, occurrences);
	}

	public Diagnostic(DiagnosticCode code, Severity severity, String variable, Origin origin, List<String> args, String messageKey) {
		this(code, severity, variable, origin, args, messageKey, 1, List.of());
	}

	public static Diagnostic of(DiagnosticCode code, Severity severity, Object... args) {
		return new Diagnostic(code, severity, null, null, strings(args), null);
	}

	public static Diagnostic about(String variable, Origin origin, DiagnosticCode code, Severity severity, Object... args) {
		return new Diagnostic(code, severity, variable, origin, strings(args), null);
	}

	/** The same finding, worded by the message {@code key} with these values. */
	public Diagnostic wordedBy(String key, List<String> values) {
		return new Diagnostic(this.code, this.severity, this.variable, this.origin, values, key, this.occurrences, this.alsoAt);
	}

	/** This finding, seen {@code count} times in all, the first few of the others at {@code others}. */
	Diagnostic repeated(int count, List<Origin> others) {
		return new Diagnostic(this.code, this.severity, this.variable, this.origin, this.args, this.messageKey, count, others);
	}

	/**
	 * Where it was found, for views that print origins as they are: {@code my.cnf:3}, or for a repeated
	 * finding {@code my.cnf:3, my.cnf:7, my.cnf:9 (3 ×)}; null when not tied to a place.
	 */
	public String where() {
		if (this.origin == null) {
			return null;
		}
		StringBuilder where = new StringBuilder(this.origin.toString());
		this.alsoAt.forEach((other) -> where.append(", ").append(other));
		if (this.occurrences > 1 + this.alsoAt.size()) {
			where.append(", …");
		}
		if (this.occurrences > 1) {
			where.append(" (").append(this.occurrences).append(" ×)");
		}
		return where.toString();
	}

	/**
	 * The messages that can say this finding, most specific first: its own key, or
	 * {@code diag.<CODE>.<SEVERITY>} then {@code diag.<CODE>}.
	 */
	public List<String> messageKeys() {
		if (this.messageKey != null) {
			return List.of(this.messageKey);
		}
		return List.of(this.code.messageKey() + "." + this.severity.name(), this.code.messageKey());
	}

	/** Values as text; one longer than 200 characters (a pasted megabyte) is cut, so a finding never repeats it. */
	private static List<String> strings(Object... values) {
		return Arrays.stream(values).map(String::valueOf).map((text) -> (text.length() <= 200) ? text : text.substring(0, 200) + "…")
			.toList();
	}

}
