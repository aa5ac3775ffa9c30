package dev.memplan.budget;

import java.util.List;

import dev.memplan.catalog.VariableSpec;
import dev.memplan.core.ByteSize;
import dev.memplan.core.Origin;

/**
 * A variable as the server will really use it: after clamping, rounding and start-up
 * computation. {@code notes} say what the server changed and why.
 *
 * @param value for numeric variables the unsigned 64-bit value; 1/0 for ON/OFF; 0 for enums
 * @param text the value in the server's syntax ({@code 256K}, {@code ON}, {@code TempTable})
 */
public record EffectiveVariable(VariableSpec spec, long value, String text, Origin origin, List<VariableNote> notes) {

	public String name() {
		return this.spec.name();
	}

	public boolean isOn() {
		return this.value != 0;
	}

	/** The value for budget arithmetic; values of 8 EiB and more cannot be added up. */
	public long bytes() {
		return ByteSize.ofUnsigned(this.value).toLongExact();
	}

}
