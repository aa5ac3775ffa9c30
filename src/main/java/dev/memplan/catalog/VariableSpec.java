package dev.memplan.catalog;

import java.util.List;

/**
 * What one server accepts for one variable. Numeric bounds are unsigned 64-bit values, as the
 * server holds them; {@code defaultValue} is in the server's own syntax or {@code auto} when the
 * server derives it at start-up. {@code fromRelease} is the patch release of the series that
 * brought the variable ({@code 8.0.28}), null when every release of the series has it: a profile
 * stands for the newest release, so an older one may lack what the profile has.
 */
public record VariableSpec(String name, VariableType type, String defaultValue, long min, long max,
		long blockSize, List<String> allowedValues, String fromRelease) {

	public static final String AUTO = "auto";

	public boolean isNumeric() {
		return this.type == VariableType.SIZE || this.type == VariableType.COUNT;
	}

	public boolean hasComputedDefault() {
		return AUTO.equals(this.defaultValue);
	}

}
