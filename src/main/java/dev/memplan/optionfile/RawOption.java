package dev.memplan.optionfile;

import dev.memplan.core.Origin;

/**
 * An option line as the parser read it, before any meaning is given to its name: the group it
 * sits in (lower case), the name as written, and the value after quotes and escapes (null when
 * the line has no {@code =}).
 */
public record RawOption(String group, String name, String value, Origin origin) {

	/** As my_print_defaults prints it: {@code --name=value} or {@code --name}. */
	public String asArgument() {
		return (this.value != null) ? "--" + this.name + "=" + this.value : "--" + this.name;
	}

}
