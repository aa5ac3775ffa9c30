package dev.memplan.web.planner;

import java.util.List;

/** One variable's input on the planner form, with the ids and keys the template would otherwise concatenate per request. */
public record VariableField(String name, String value, String defaultValue, String kind, List<String> options, String error,
		String group, String docUrl) {

	public String inputId() {
		return "v-" + this.name;
	}

	public String helpId() {
		return "h-" + this.name;
	}

	public String helpKey() {
		return "help." + this.name;
	}

	public boolean isNumber() {
		return "number".equals(this.kind);
	}

	/** The fields of one fieldset: global buffers or per-connection buffers. */
	public record Group(String legendKey, List<VariableField> fields) {
	}

}
