package dev.memplan.core;

/**
 * Where a value came from, so every number in a report can be traced back: {@code my.cnf:42},
 * {@code default for mysql-8.0}, {@code SHOW GLOBAL VARIABLES}, {@code live}.
 */
public record Origin(Kind kind, String source, int line) {

	public enum Kind {
		DEFAULT, REQUEST, OPTION_FILE, SHOW_VARIABLES, LIVE, COMPUTED
	}

	public static Origin defaultFor(String serverId) {
		return new Origin(Kind.DEFAULT, "default for " + serverId, 0);
	}

	public static Origin request() {
		return new Origin(Kind.REQUEST, "input", 0);
	}

	public static Origin optionFile(String file, int line) {
		return new Origin(Kind.OPTION_FILE, file, line);
	}

	public static Origin showVariables(int line) {
		return new Origin(Kind.SHOW_VARIABLES, "SHOW GLOBAL VARIABLES", line);
	}

	public static Origin live() {
		return new Origin(Kind.LIVE, "live", 0);
	}

	public static Origin computed(String how) {
		return new Origin(Kind.COMPUTED, how, 0);
	}

	public boolean isDefault() {
		return this.kind == Kind.DEFAULT;
	}

	@Override
	public String toString() {
		return (this.line > 0) ? this.source + ":" + this.line : this.source;
	}

}
