package dev.memplan.budget;

import java.util.List;

/**
 * The memory a server can allocate, against the host.
 *
 * @param connectionSlots max_connections + 1: the +1 is the slot kept for an administrator
 * @param worstCaseBytes the ceiling: every connection at its worst, every term counted
 * @param expectedConnections null when unknown; then {@code expectedPeakBytes} and {@code expectedPeak} are null too
 * @param expectedPeakBytes the nominal figure of docs/memory-model.md#totals at the expected connections (the verdict uses it)
 * @param expectedPeak the offline range at the expected connections, or null
 * @param capped the ceiling with the server's memory caps in force, or null when none is set
 */
public record Budget(List<LineItem> lineItems, long globalBytes, long perConnectionBytes, long connectionSlots,
		long worstCaseBytes, Long expectedConnections, Long expectedPeakBytes, long budgetLimitBytes,
		long hostRamBytes, Verdict verdict, ExpectedPeak expectedPeak, CappedCeiling capped) {

	public List<LineItem> items(Scope scope) {
		return this.lineItems.stream().filter((item) -> item.scope() == scope).toList();
	}

	/** How far the worst case passes the budget limit; 0 when it stays within. */
	public long overByBytes() {
		return Math.max(0, this.worstCaseBytes - this.budgetLimitBytes);
	}

	/** What is left under the budget limit at the worst case; 0 when it passes the limit. */
	public long headroomBytes() {
		return Math.max(0, this.budgetLimitBytes - this.worstCaseBytes);
	}

}
