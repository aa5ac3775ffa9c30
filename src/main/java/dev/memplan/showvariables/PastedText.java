package dev.memplan.showvariables;

import java.util.regex.Pattern;

/** Tells a pasted SHOW VARIABLES dump from an option file, so one paste box serves both. */
public final class PastedText {

	private static final Pattern GROUP_HEADER = Pattern.compile("(?m)^\\s*\\[[^\\]]*\\]");

	private static final Pattern DUMP_LINE = Pattern.compile("(?m)^(\\|\\s*\\w+\\s*\\|.*\\||\\w+\\t.*|\\s*Variable_name:.*)$");

	private PastedText() {
	}

	public static boolean looksLikeShowVariables(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		if (GROUP_HEADER.matcher(text).find() && !text.contains("Variable_name")) {
			return false;
		}
		return DUMP_LINE.matcher(text).find();
	}

}
