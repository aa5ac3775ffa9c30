package dev.memplan.core;

/** How much a diagnostic matters, from "the server will not start" down to a remark. */
public enum Severity {

	/** The server would refuse to start with this input. */
	ERROR,
	/** The server would silently use something other than what was written. */
	WARNING,
	/** A setting that works but that an experienced DBA would question. */
	ADVICE,
	/** Worth knowing, nothing to fix. */
	INFO

}
