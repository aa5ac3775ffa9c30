package dev.memplan.budget;

/**
 * One change of a recommended configuration: a variable, its value now and the value to set,
 * and the bytes the worst case loses by it (negative when the change costs memory, such as a
 * larger buffer pool or more connections).
 *
 * @param from the value the server runs with now (bytes, or a count for max_connections)
 * @param to the value to set
 * @param kind why memplan proposes it, which also says how far it may go
 */
public record Lever(String variable, long from, long to, long savesBytes, LeverKind kind) {

	/** The ON/OFF variables a recommendation may change: their from and to are 1 and 0, neither bytes nor a count. */
	public static boolean isSwitch(String variable) {
		return "performance_schema".equals(variable) || "temptable_use_mmap".equals(variable);
	}

	public boolean isSwitch() {
		return isSwitch(this.variable);
	}

}
