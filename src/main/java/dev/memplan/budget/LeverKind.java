package dev.memplan.budget;

/** Why a variable changes, in the solver's order of preference. */
public enum LeverKind {
	/** A per-connection buffer set above its default goes back to the default. */
	PER_CONNECTION_TO_DEFAULT,
	/** Global memory a DBA trades before the pool (TempTable cap, oversized key or query cache). */
	GLOBAL_TRADE,
	/** A per-connection buffer below its default, down to a stated floor: the defaults and the tier's pool do not both fit. */
	PER_CONNECTION_TO_FLOOR,
	/** The buffer pool: the tier's share of RAM, or less when that is what fits. */
	BUFFER_POOL,
	/** Buffer pool instances (and chunk size) chosen so that rounding the pool costs little. */
	POOL_LAYOUT,
	/** max_connections: raised to the connections the server must serve, or lowered where the user allows it. */
	CONNECTIONS
}
