package dev.memplan.showvariables;

import java.util.regex.Pattern;

/**
 * Tells a pasted SHOW VARIABLES dump from an option file, so one paste box serves both. The patterns
 * stay inside one line ({@code [ \t]}, never {@code \s}, which crosses newlines and made a paste of
 * blank lines quadratic), so a search costs one pass over the text.
 */
public final class PastedText {

	private static final Pattern GROUP_HEADER = Pattern.compile("(?m)^[ \\t]*\\[[^\\]\\n]*\\]");

	private static final Pattern DUMP_LINE = Pattern.compile("(?m)^(\\|[ \\t]*\\w+[ \\t]*\\|.*\\||\\w+\\t.*|[ \\t]*Variable_name:.*)$");

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
