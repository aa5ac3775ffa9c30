package dev.memplan.web.planner;

import dev.memplan.catalog.ServerProfile;

/** The server's own documentation page for a variable. */
final class VariableDocs {

	private VariableDocs() {
	}

	static String url(ServerProfile profile, String name) {
		if (profile.isMariaDb()) {
			String page = name.startsWith("innodb_") ? "innodb-system-variables"
					: name.startsWith("aria_") ? "aria-system-variables"
					: name.equals("performance_schema") ? "performance-schema-system-variables"
					: (name.startsWith("binlog_") || name.equals("log_bin")) ? "replication-and-binary-log-system-variables"
					: "server-system-variables";
			return "https://mariadb.com/kb/en/" + page + "/#" + name;
		}
		String page = name.startsWith("innodb_") ? "innodb-parameters"
				: name.equals("performance_schema") ? "performance-schema-system-variables"
				: (name.startsWith("binlog_") || name.equals("log_bin")) ? "replication-options-binary-log"
				: "server-system-variables";
		return "https://dev.mysql.com/doc/refman/" + profile.series() + "/en/" + page + ".html#sysvar_" + name;
	}

}
