package dev.memplan.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration text to plan from: a pasted my.cnf, uploaded option files (name → text), a
 * pasted SHOW GLOBAL VARIABLES dump, and the mysqld_multi or suffix instance to read.
 */
public record ImportRequest(String mycnf, Map<String, String> files, String showVariables, String instance) {

	public static final ImportRequest NONE = new ImportRequest(null, Map.of(), null, null);

	public ImportRequest {
		files = (files != null) ? new LinkedHashMap<>(files) : new LinkedHashMap<>();
	}

	public boolean isEmpty() {
		return isBlank(this.mycnf) && this.files.isEmpty() && isBlank(this.showVariables);
	}

	public static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
