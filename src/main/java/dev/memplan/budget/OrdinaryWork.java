package dev.memplan.budget;

/**
 * What the server's memory caps must let through for a DBA to sign them off
 * (docs/memory-terms.md#server-side-caps): each connection running an ordinary statement, and every
 * connection the server must serve open at once.
 *
 * @param statementBytes what a connection tracks while it runs an ordinary statement: its structures, each named
 * buffer used once and one in-memory temporary table (under TempTable too: the cap counts TempTable's memory,
 * which the plan budgets in the shared pool); the thread stack, which no cap tracks, is left out
 * @param idleBytes what a connection keeps between statements: its structures, its network buffers and, under
 * TempTable, the per-thread block it keeps after its first temporary table (8.0.31 measured 29 to 35 KB tracked
 * for a fresh connection and 1,087,664 bytes after a GROUP BY; the model's terms say 1,441,792 bytes)
 */
public record OrdinaryWork(long statementBytes, long idleBytes) {

	static OrdinaryWork of(EffectiveSettings settings, Budget budget) {
		long statement = 0;
		long idle = 0;
		for (LineItem item : budget.items(Scope.PER_CONNECTION)) {
			String id = item.id();
			if ((!item.estimate() && !id.equals("thread_stack")) || id.equals("connection_structures")) {
				statement = Math.addExact(statement, item.bytes());
			}
			if (id.equals("connection_structures") || id.equals("net_buffers") || id.equals("temptable_thread_block")) {
				idle = Math.addExact(idle, item.bytes());
			}
		}
		if (UnnamedTerms.tempTableEngine(settings)) {
			// the tmp_table item is 0 here (the temp table lives in TempTable's pool), yet the cap counts it
			statement = Math.addExact(statement, Math.min(settings.bytes("tmp_table_size"), settings.bytes("temptable_max_ram")));
		}
		return new OrdinaryWork(statement, Math.min(idle, statement));
	}

	/**
	 * The least a global cap may be: every connection that must be served open, one of them running an
	 * ordinary statement.
	 */
	long globalFloor(long mustServe) {
		return Math.addExact(Math.multiplyExact(Math.max(0, mustServe - 1), this.idleBytes), this.statementBytes);
	}

	/** How many of {@code mustServe} connections a global cap lets run an ordinary statement at once, the rest idle. */
	long atOnce(long globalCap, long mustServe) {
		long extra = this.statementBytes - this.idleBytes;
		long spare = globalCap - Math.multiplyExact(mustServe, this.idleBytes);
		if (extra <= 0) {
			return mustServe;
		}
		return Math.max(0, Math.min(mustServe, spare / extra));
	}

}
