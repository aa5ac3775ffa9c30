package dev.memplan.budget;

public enum Scope {
	/** Allocated once for the whole server. */
	GLOBAL,
	/** Allocated by each connection's thread; multiplied by the number of connections. */
	PER_CONNECTION
}
