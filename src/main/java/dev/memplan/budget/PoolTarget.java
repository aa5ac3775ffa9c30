package dev.memplan.budget;

/**
 * The pool memplan aims for on a host, before the server's rounding, and the rule that gave it
 * (docs/memory-model.md#tier-table): the page, the snippet and the API say which one applied.
 *
 * @param bytes the target pool
 * @param rule which rule of the tier table gave it
 * @param outsideLimitBytes above the table's last row: RAM the budget limit keeps outside (the MySQL share and the
 *        memory reserved for other processes); 0 otherwise
 * @param restOfBudgetBytes above the table's last row: the budget limit less the pool, i.e. the other global memory
 *        and the connections at max_connections; 0 otherwise
 */
public record PoolTarget(long bytes, Rule rule, long outsideLimitBytes, long restOfBudgetBytes) {

	/** Which rule of the tier table applied. */
	public enum Rule {

		/** The row with the largest memory not above the host's RAM: its ratio of RAM. */
		TIER_RATIO,

		/** A larger host never gets a smaller pool: a smaller row's pool at its boundary carries on. */
		CARRIED_OVER,

		/** Below the table's smallest row: 50 % of RAM. */
		BELOW_SMALLEST_ROW,

		/** Above the table's last row: RAM less a reserve for the OS, the other global memory and the connections. */
		RAM_LESS_RESERVE

	}

	static PoolTarget of(long bytes, Rule rule) {
		return new PoolTarget(bytes, rule, 0, 0);
	}

	/** The reserve above the last row: everything of RAM that is not the pool. */
	public long reserveBytes() {
		return this.outsideLimitBytes + this.restOfBudgetBytes;
	}

}
