package dev.memplan.showvariables;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the output of {@code SHOW GLOBAL VARIABLES} as people paste it: tab-separated
 * ({@code mysql -B}, with or without the header), the ASCII table ({@code | name | value |}) and
 * the vertical form ({@code \G}); CRLF tolerated. Names are lower-cased; the line of each is kept.
 */
public final class ShowVariablesParser {

	/** A variable's value and the line it was read from. */
	public record Entry(String value, int line) {
	}

	public Map<String, Entry> parse(String text) {
		Map<String, Entry> variables = new LinkedHashMap<>();
		String[] lines = text.split("\n", -1);
		String pendingName = null;
		int pendingLine = 0;
		for (int index = 0; index < lines.length; index++) {
			String line = lines[index].endsWith("\r") ? lines[index].substring(0, lines[index].length() - 1) : lines[index];
			int number = index + 1;
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("+-") || stripped.startsWith("*****")) {
				continue;
			}
			if (stripped.startsWith("Variable_name:")) {
				pendingName = stripped.substring("Variable_name:".length()).strip();
				pendingLine = number;
				continue;
			}
			if (stripped.startsWith("Value:") && pendingName != null) {
				put(variables, pendingName, stripped.substring("Value:".length()).strip(), pendingLine);
				pendingName = null;
				continue;
			}
			if (stripped.startsWith("|")) {
				String[] cells = stripped.split("\\|", -1);
				if (cells.length >= 3) {
					put(variables, cells[1].strip(), cells[2].strip(), number);
				}
				continue;
			}
			int tab = line.indexOf('\t');
			if (tab > 0) {
				put(variables, line.substring(0, tab).strip(), line.substring(tab + 1).strip(), number);
			}
			else if (stripped.matches("[A-Za-z_][A-Za-z0-9_]*\\s{2,}\\S.*")) {
				// pasted through a terminal that turned the tab into spaces
				String[] parts = stripped.split("\\s+", 2);
				put(variables, parts[0], parts[1].strip(), number);
			}
		}
		return variables;
	}

	private static void put(Map<String, Entry> variables, String name, String value, int line) {
		if (name.isEmpty() || name.equalsIgnoreCase("Variable_name")) {
			return; // header row
		}
		variables.put(name.toLowerCase(Locale.ROOT), new Entry(value, line));
	}

}
