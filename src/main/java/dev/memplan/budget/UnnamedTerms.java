package dev.memplan.budget;

import java.util.List;

import dev.memplan.core.ByteSize;

/**
 * The terms no buffer variable names, measured on MariaDB 10.11 by bench/terms.sh
 * (docs/memory-terms.md): what the textbook formula of docs/memory-model.md#totals leaves out and why real servers passed it.
 * One small method per term; each is an estimate and says what it assumes.
 */
final class UnnamedTerms {

	private final MemoryTerms terms;

	UnnamedTerms(MemoryTerms terms) {
		this.terms = terms;
	}

	/** THD, its statement arenas (MEM_ROOT), the parser's and optimizer's structures. */
	LineItem connectionStructures() {
		return estimate("connection_structures", "connection structures and statement arenas", this.terms.connectionStructuresBytes(),
				List.of(), "Each connection's own structures and the arenas its statements parse and plan in, beyond every named "
						+ "buffer: measured at most " + ByteSize.formatApproximate(this.terms.connectionStructuresBytes())
						+ " (an idle connection, a filesort, a join).");
	}

	/**
	 * A statement with derived tables, DISTINCT, GROUP BY, UNION and window functions holds several
	 * temporary tables at once; the one in-memory temp table of docs/memory-model.md#totals is the first of them.
	 */
	LineItem moreTempTables(EffectiveSettings settings, Workload workload) {
		List<String> variables = List.of("tmp_table_size", "max_heap_table_size");
		int count = workload.tempTables(this.terms);
		if (tempTableEngine(settings)) {
			return estimate("more_tmp_tables", "more temporary tables in one statement", 0, variables,
					"Under TempTable every in-memory temporary table draws on the shared pool, however many one statement holds.");
		}
		long each = Math.min(settings.bytes("tmp_table_size"), settings.bytes("max_heap_table_size"));
		return estimate("more_tmp_tables", "more temporary tables in one statement", Math.multiplyExact(Math.max(0, count - 1), each),
				variables, "One statement can hold " + count + " in-memory temporary tables at once (derived tables, DISTINCT, GROUP BY, "
						+ "UNION, window functions; " + this.terms.tempTablesPerStatement() + " measured), each up to "
						+ ByteSize.formatApproximate(each) + "; this counts the " + Math.max(0, count - 1) + " beyond the first.");
	}

	/** MySQL 8 TempTable: each thread that uses it keeps a block temptable_max_ram does not count [docs]. */
	LineItem tempTableThreadBlock(EffectiveSettings settings) {
		return estimate("temptable_thread_block", "TempTable per-thread block", tempTableEngine(settings) ? 1L << 20 : 0,
				List.of("internal_tmp_mem_storage_engine"), tempTableEngine(settings)
						? "Every thread that used TempTable keeps a block of about 1 MiB outside temptable_max_ram (MySQL 8.0 manual)."
						: "Only MySQL 8's TempTable engine keeps a per-thread block.");
	}

	/**
	 * The network buffer grows to the largest packet and the server copies a large statement or
	 * result while it handles it: bench/terms.sh measured the copies.
	 */
	LineItem packetCopies(EffectiveSettings settings, Workload workload) {
		long packet = Math.min(workload.largestPacket(), settings.bytes("max_allowed_packet"));
		long bytes = Math.multiplyExact(this.terms.packetCopies(), packet);
		String assumed = (workload.largestPacketBytes() != null) ? "the largest packet given, " + ByteSize.formatApproximate(packet)
				: "assumed: no row, result or statement above " + ByteSize.formatApproximate(packet) + " (set the largest packet if larger)";
		return estimate("packet_copies", "large packets", bytes, List.of("max_allowed_packet", "net_buffer_length"),
				"A connection that sends or receives a large packet holds about " + this.terms.packetCopies()
						+ " copies of it (network buffer, statement text, result), up to max_allowed_packet; " + assumed + ".");
	}

	/** Each open table holds a TABLE, its share and the engine's handler and dictionary entry. */
	LineItem openTables(EffectiveSettings settings) {
		long tables = settings.bytes("table_open_cache");
		return new LineItem("open_tables", "open-table structures", Scope.GLOBAL, Math.multiplyExact(tables, this.terms.openTableBytes()),
				List.of("table_open_cache"), "Up to table_open_cache tables stay open, each about "
						+ ByteSize.formatApproximate(this.terms.openTableBytes()) + " (measured on small InnoDB tables; wide ones hold more).",
				true);
	}

	/**
	 * glibc keeps freed memory in per-thread arenas: bench/terms.sh found it resident above what
	 * jemalloc kept for the same statements. The measured baseline is jemalloc; tcmalloc is assumed alike.
	 */
	LineItem allocatorSlack(Workload workload, long perConnectionAllocations) {
		Allocator malloc = workload.malloc();
		int percent = (malloc == Allocator.GLIBC) ? this.terms.glibcSlackPercent() : 0;
		long bytes = Math.multiplyExact(perConnectionAllocations / 100, percent) + perConnectionAllocations % 100 * percent / 100;
		String explanation = switch (malloc) {
			case GLIBC -> "glibc malloc (the default) kept up to " + percent + " % more resident than jemalloc for the same "
					+ "statements: freed memory stays in per-thread arenas. Preloading jemalloc removes this term.";
			case JEMALLOC -> "jemalloc returns freed memory; it is the baseline the glibc figure was measured against.";
			case TCMALLOC -> "tcmalloc is assumed to behave like jemalloc (not measured here).";
		};
		return estimate("allocator_slack", "allocator slack", bytes, List.of("version_malloc_library"), explanation);
	}

	static boolean tempTableEngine(EffectiveSettings settings) {
		return "TempTable".equals(settings.text("internal_tmp_mem_storage_engine"));
	}

	private static LineItem estimate(String id, String term, long bytes, List<String> variables, String explanation) {
		return new LineItem(id, term, Scope.PER_CONNECTION, bytes, variables, explanation, true);
	}

}
