package dev.memplan.web;

import java.util.List;

/** One variable's input on the planner form. */
public record VariableField(String name, String value, String defaultValue, String kind, List<String> options, String error,
		String group, String docUrl) {
}
