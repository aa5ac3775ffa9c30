package dev.memplan.app.fleet;

/**
 * The inventory cannot be used; memplan does not start. The message names the file, the line and
 * the field: {@code fleet.yml:7: targets[1].port: a port is a number from 1 to 65535}.
 */
public class InventoryException extends RuntimeException {

	private final String source;

	private final int line;

	private final String field;

	private final String problem;

	public InventoryException(String source, int line, String field, String problem) {
		super(source + ((line > 0) ? ":" + line : "") + ": " + ((field != null) ? field + ": " : "") + problem);
		this.source = source;
		this.line = line;
		this.field = field;
		this.problem = problem;
	}

	public String source() {
		return this.source;
	}

	/** 1-based; 0 when the problem is the whole file. */
	public int line() {
		return this.line;
	}

	/** {@code targets[1].port}; null when the problem is the whole file. */
	public String field() {
		return this.field;
	}

	public String problem() {
		return this.problem;
	}

}
