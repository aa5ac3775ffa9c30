package dev.memplan.core;

import java.util.Arrays;
import java.util.List;

/**
 * Where a value came from, so every number in a report can be traced back: {@code my.cnf:42},
 * {@code default for mysql-8.0}, {@code SHOW GLOBAL VARIABLES}, {@code live}. {@code source} is
 * the English text; {@code key} and {@code args}, where set, let a page say it in its own language
 * ({@code origin.<key>}); file names and SHOW VARIABLES need no translation and have no key.
 */
public record Origin(Kind kind, String source, int line, String key, List<String> args) {

	public Origin {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	public enum Kind {
		DEFAULT, REQUEST, OPTION_FILE, SHOW_VARIABLES, LIVE, COMPUTED
	}

	public static Origin defaultFor(String serverId) {
		return new Origin(Kind.DEFAULT, "default for " + serverId, 0, "default", List.of(serverId));
	}

	public static Origin request() {
		return new Origin(Kind.REQUEST, "input", 0, "request", List.of());
	}

	public static Origin optionFile(String file, int line) {
		return new Origin(Kind.OPTION_FILE, file, line, null, List.of());
	}

	public static Origin showVariables(int line) {
		return new Origin(Kind.SHOW_VARIABLES, "SHOW GLOBAL VARIABLES", line, null, List.of());
	}

	public static Origin live() {
		return new Origin(Kind.LIVE, "live", 0, "live", List.of());
	}

	/** A value the server (or memplan) works out: {@code rule} names how ({@code origin.computed.<rule>}). */
	public static Origin computed(String rule, String how, Object... args) {
		return new Origin(Kind.COMPUTED, how, 0, "computed." + rule, Arrays.stream(args).map(String::valueOf).toList());
	}

	public boolean isDefault() {
		return this.kind == Kind.DEFAULT;
	}

	@Override
	public String toString() {
		return (this.line > 0) ? this.source + ":" + this.line : this.source;
	}

}
