package dev.memplan.budget;

/**
 * What the plan assumes about the statements, where no server variable says it. Null = the measured
 * default (docs/memory-terms.md).
 *
 * @param tempTablesPerStatement in-memory temporary tables one statement holds at once (derived tables,
 * DISTINCT, GROUP BY, UNION, window functions); default: the measured count
 * @param largestPacketBytes the largest row, result or statement a client exchanges; default
 * {@link #DEFAULT_LARGEST_PACKET}; never above max_allowed_packet
 * @param allocator the server's malloc; default glibc (a live server says which)
 */
public record Workload(Integer tempTablesPerStatement, Long largestPacketBytes, Allocator allocator) {

	/** Assumed, not measured: ordinary OLTP rows and statements stay well under 1 MiB. */
	public static final long DEFAULT_LARGEST_PACKET = 1L << 20;

	public static final Workload DEFAULTS = new Workload(null, null, null);

	public Workload withAllocator(Allocator allocator) {
		return new Workload(this.tempTablesPerStatement, this.largestPacketBytes, allocator);
	}

	int tempTables(MemoryTerms terms) {
		return (this.tempTablesPerStatement != null) ? this.tempTablesPerStatement : terms.tempTablesPerStatement();
	}

	long largestPacket() {
		return (this.largestPacketBytes != null) ? this.largestPacketBytes : DEFAULT_LARGEST_PACKET;
	}

	Allocator malloc() {
		return (this.allocator != null) ? this.allocator : Allocator.GLIBC;
	}

}
