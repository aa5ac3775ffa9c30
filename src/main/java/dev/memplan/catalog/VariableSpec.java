package dev.memplan.catalog;

import java.util.List;

/**
 * What one server accepts for one variable. Numeric bounds are unsigned 64-bit values, as the
 * server holds them; {@code defaultValue} is in the server's own syntax or {@code auto} when the
 * server derives it at start-up.
 */
public record VariableSpec(String name, VariableType type, String defaultValue, long min, long max,
		long blockSize, List<String> allowedValues) {

	public static final String AUTO = "auto";

	public boolean isNumeric() {
		return this.type == VariableType.SIZE || this.type == VariableType.COUNT;
	}

	public boolean hasComputedDefault() {
		return AUTO.equals(this.defaultValue);
	}

}
