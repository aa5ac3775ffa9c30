package dev.memplan.budget;

import java.util.Locale;

/** The malloc the server runs with: glibc's keeps more freed memory resident than the others. */
public enum Allocator {

	/** glibc malloc, the default; version_malloc_library says {@code system}. */
	GLIBC,

	JEMALLOC,

	TCMALLOC;

	/**
	 * Reads {@code version_malloc_library} ("system", "jemalloc 5.3.0-0-g54eaed1d…", "tcmalloc") or a
	 * user's word; null when the text names none of them.
	 */
	public static Allocator parse(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("jemalloc")) {
			return JEMALLOC;
		}
		if (value.startsWith("tcmalloc")) {
			return TCMALLOC;
		}
		if (value.equals("system") || value.startsWith("glibc")) {
			return GLIBC;
		}
		return null;
	}

}
