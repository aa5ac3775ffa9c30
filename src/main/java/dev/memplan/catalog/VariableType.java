package dev.memplan.catalog;

public enum VariableType {
	/** Bytes; accepts the K M G T P E suffixes. */
	SIZE,
	/** A plain number (connections, instances); the server still accepts suffixes. */
	COUNT,
	/** ON or OFF. */
	BOOLEAN,
	/** One of a fixed list of words. */
	ENUM
}
