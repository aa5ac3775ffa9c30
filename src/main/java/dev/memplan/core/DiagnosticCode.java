package dev.memplan.core;

/**
 * Every finding memplan reports, by name. The words live in the message bundles
 * ({@code messages*.properties}, key {@code diag.<NAME>}, or {@code diag.<NAME>.<SEVERITY>} where
 * the same finding reads differently as an error and as a warning); the core keeps only the code
 * and the values. A test checks that every code has its message in every language.
 */
public enum DiagnosticCode {

	// reading option files: what the server's own parser would do
	BOM, GROUP_NOT_CLOSED, OPTION_BEFORE_GROUP, INCLUDE_CYCLE, INCLUDE_TOO_DEEP, INCLUDE_NOT_UPLOADED, UNKNOWN_INSTANCE,
	INSTANCES_FOUND, INSTANCES_PLANNED, READING_STOPPED,

	// any input: more findings than a page lists
	MORE_FINDINGS,

	// interpreting options: names, prefixes and values as the server reads them
	MAXIMUM_PREFIX, REMOVED_OPTION, ABBREVIATED_OPTION, ABBREVIATED_OPTION_MYSQL56, PREFIX_NOT_ACCEPTED, AMBIGUOUS_OPTION, UNKNOWN_OPTION, OPTION_NAME_CASE, LIKELY_TYPO,
	VALUE_REQUIRED, INVALID_SIZE, LOG_BIN_BASENAME, DUPLICATE_OVERRIDDEN,

	// SHOW VARIABLES dumps and live servers: which server this is
	NO_VARIABLES, VERSION_APPROXIMATED, VERSION_UNKNOWN, NOT_ON_THIS_SERVER,

	// start-up rules: values the server changes
	VALUE_ADJUSTED, QUERY_CACHE_IMPLIED_ON,

	// the plan against the host
	TMP_TABLE_CAPPED_BY_HEAP, TMP_TABLE_ABOVE_TEMPTABLE_RAM, EXPECTED_ABOVE_MAX_CONNECTIONS, WORST_CASE_IS_NOMINAL, WORST_CASE_ABOVE_RAM,
	WORST_CASE_ABOVE_LIMIT, LARGE_PER_CONNECTION_BUFFER, POOL_AT_OR_ABOVE_RAM, POOL_ABOVE_LIMIT, MAX_CONNECTIONS_VERY_HIGH,
	PER_CONNECTION_LARGE_SHARE, QUERY_CACHE_LARGE, NO_SERVER_CAP, CAPS_CANNOT_FIT,

	// a live server's status counters
	SORT_MERGE_PASSES, TMP_TABLES_ON_DISK, MAX_USED_NEAR_LIMIT, FULL_JOINS,

	// a live server's own memory figures: what they leave out, what could not be read
	MEASURED_MEMORY_USED, MEASURED_INSTRUMENTS_SUM, MEASURED_LEAVES_OUT, MEASURED_CONNECTIONS_LISTED,
	MEASURED_CONNECTIONS_UNREADABLE, MEASURED_NEEDS_PERFORMANCE_SCHEMA, MEASURED_ONLY_PERFORMANCE_SCHEMA,
	MEASURED_AREAS_UNREADABLE, OBSERVED_NO_ALLOCATOR, OBSERVED_NO_OTHER_CONNECTION, OBSERVED_FROM_LARGEST_SESSION_EVER, OBSERVED_MARIADB_UNREADABLE,
	OBSERVED_MYSQL_UNREADABLE, OBSERVED_ACCOUNTS_UNREADABLE, OBSERVED_NOT_READ;

	/** {@code diag.<NAME>}: the message that says this finding. */
	public String messageKey() {
		return "diag." + name();
	}

}
