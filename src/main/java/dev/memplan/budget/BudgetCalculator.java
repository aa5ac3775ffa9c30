package dev.memplan.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;

/**
 * The budget of docs/memory-model.md (#totals, and a section per term): one small method per term,
 * each saying why the server allocates it. All arithmetic is in bytes and overflow-checked.
 */
public final class BudgetCalculator {

	private static final long MIB = 1L << 20;

	private final MemoryTerms terms;

	private final UnnamedTerms unnamed;

	public BudgetCalculator() {
		this(MemoryTerms.standard());
	}

	BudgetCalculator(MemoryTerms terms) {
		this.terms = terms;
		this.unnamed = new UnnamedTerms(terms);
	}

	/**
	 * @param measuredPerformanceSchemaBytes what a live server reported, or null to estimate
	 */
	public Budget calculate(EffectiveSettings settings, HostSpec host, Long measuredPerformanceSchemaBytes) {
		List<LineItem> items = new ArrayList<>();
		ServerProfile profile = settings.profile();
		items.add(bufferPool(settings));
		items.add(bufferPoolControlStructures(settings));
		items.add(logBuffer(settings));
		if (settings.has("innodb_additional_mem_pool_size")) {
			items.add(additionalMemPool(settings));
		}
		items.add(keyCache(settings));
		if (settings.has("query_cache_size")) {
			items.add(queryCache(settings));
		}
		if (settings.has("aria_pagecache_buffer_size")) {
			items.add(global("aria_pagecache", "Aria page cache", settings.bytes("aria_pagecache_buffer_size"),
					List.of("aria_pagecache_buffer_size"),
					"MariaDB allocates the Aria page cache at start-up, used or not (its system tables are Aria).", false));
		}
		items.add(performanceSchema(settings, profile, measuredPerformanceSchemaBytes));
		if (settings.has("temptable_max_ram")) {
			items.add(tempTablePool(settings));
			items.add(TempTableOverflow.of(settings));
		}
		items.add(this.unnamed.openTables(settings));
		items.add(perConnection("sort_buffer", "sort buffer", settings.bytes("sort_buffer_size"), List.of("sort_buffer_size"),
				"Each ORDER BY or GROUP BY that cannot use an index allocates a sort buffer of this size."));
		items.add(perConnection("join_buffer", "join buffer", settings.bytes("join_buffer_size"), List.of("join_buffer_size"),
				"Each join without a usable index allocates one; a query joining several tables can allocate several."));
		items.add(perConnection("read_buffer", "read buffer", settings.bytes("read_buffer_size"), List.of("read_buffer_size"),
				"Each sequential scan of a MyISAM table (and some bulk operations) allocates a read buffer."));
		items.add(perConnection("read_rnd_buffer", "random-read buffer", settings.bytes("read_rnd_buffer_size"),
				List.of("read_rnd_buffer_size"), "Reading rows in key order after a sort allocates the random-read buffer."));
		items.add(perConnection("thread_stack", "thread stack", settings.bytes("thread_stack"), List.of("thread_stack"),
				"Every connection's thread reserves this stack; only the pages it touches become resident."));
		items.add(networkBuffers(settings));
		items.add(binlogCaches(settings));
		items.add(inMemoryTempTable(settings));
		Workload workload = host.workload();
		items.add(this.unnamed.connectionStructures());
		items.add(this.unnamed.moreTempTables(settings, workload));
		if (settings.has("temptable_max_ram")) {
			items.add(this.unnamed.tempTableThreadBlock(settings));
		}
		items.add(this.unnamed.packetCopies(settings, workload));
		items.add(this.unnamed.allocatorSlack(workload, allocations(items)));
		return total(items, settings, host);
	}

	private Budget total(List<LineItem> items, EffectiveSettings settings, HostSpec host) {
		long global = 0;
		long perConnection = 0;
		for (LineItem item : items) {
			if (item.scope() == Scope.GLOBAL) {
				global = Math.addExact(global, item.bytes());
			}
			else {
				perConnection = Math.addExact(perConnection, item.bytes());
			}
		}
		long slots = Math.addExact(settings.bytes("max_connections"), 1);
		long worstCase = Math.addExact(global, Math.multiplyExact(slots, perConnection));
		Long expected = host.expectedConnections();
		ExpectedPeak expectedPeak = (expected != null) ? ExpectedPeak.offline(items, global, expected) : null;
		Long nominalPeak = (expectedPeak != null) ? expectedPeak.nominalBytes() : null;
		long limit = budgetLimit(host);
		CappedCeiling capped = CappedCeiling.of(settings, this.terms, items, global, perConnection, slots);
		return new Budget(List.copyOf(items), global, perConnection, slots, worstCase, expected, nominalPeak, limit,
				host.hostRamBytes(), verdict(worstCase, nominalPeak, limit, host.hostRamBytes()), expectedPeak, capped);
	}

	/** What a connection allocates through malloc: every per-connection term but the thread stack (mmap'd). */
	private static long allocations(List<LineItem> items) {
		long bytes = 0;
		for (LineItem item : items) {
			if (item.scope() == Scope.PER_CONNECTION && !item.id().equals("thread_stack")) {
				bytes = Math.addExact(bytes, item.bytes());
			}
		}
		return bytes;
	}

	/** Host RAM × MySQL's share − memory reserved for other processes (never below 0). */
	public static long budgetLimit(HostSpec host) {
		long share = new BigDecimal(host.hostRamBytes()).multiply(host.mysqlShare()).setScale(0, RoundingMode.FLOOR)
				.longValueExact();
		return Math.max(0, share - host.reservedForOtherProcessesBytes());
	}

	static Verdict verdict(long worstCase, Long expectedPeak, long limit, long hostRam) {
		if (worstCase > hostRam) {
			return Verdict.OVERCOMMITTED;
		}
		if (worstCase > limit || (expectedPeak != null && expectedPeak > limit)) {
			return Verdict.TIGHT;
		}
		return Verdict.FITS;
	}

	private LineItem bufferPool(EffectiveSettings settings) {
		return global("buffer_pool", "InnoDB buffer pool", settings.bytes("innodb_buffer_pool_size"),
				List.of("innodb_buffer_pool_size"),
				"InnoDB caches table and index pages here; it is allocated at start-up and stays.", false);
	}

	/**
	 * MySQL allocates one page descriptor per 16 KiB page on top of each chunk (buf_chunk_init),
	 * plus hash and lock structures: about 5 % of the pool. MariaDB carves them out of the pool.
	 */
	private LineItem bufferPoolControlStructures(EffectiveSettings settings) {
		if (settings.profile().isMariaDb()) {
			return global("buffer_pool_overhead", "buffer pool control structures", 0, List.of("innodb_buffer_pool_size"),
					"MariaDB carves the page descriptors out of the configured pool size, so nothing is added.", false);
		}
		long pool = settings.bytes("innodb_buffer_pool_size");
		return global("buffer_pool_overhead", "buffer pool control structures", pool / 100 * 5 + pool % 100 * 5 / 100,
				List.of("innodb_buffer_pool_size"),
				"MySQL allocates a descriptor per 16 KiB page plus hash and lock structures on top of the pool: about 5 %.", true);
	}

	private LineItem logBuffer(EffectiveSettings settings) {
		return global("log_buffer", "InnoDB log buffer", settings.bytes("innodb_log_buffer_size"),
				List.of("innodb_log_buffer_size"),
				"InnoDB collects redo log records here before writing them to the log files.", false);
	}

	/** MySQL 5.6: with innodb_use_sys_malloc=ON (the default) the pool is a 1-byte dummy. */
	private LineItem additionalMemPool(EffectiveSettings settings) {
		boolean used = !settings.isOn("innodb_use_sys_malloc");
		return global("additional_mem_pool", "InnoDB additional memory pool",
				used ? settings.bytes("innodb_additional_mem_pool_size") : 0,
				List.of("innodb_additional_mem_pool_size", "innodb_use_sys_malloc"),
				used ? "With innodb_use_sys_malloc=OFF InnoDB keeps its data dictionary in this pool."
						: "Not allocated: with innodb_use_sys_malloc=ON InnoDB uses the system allocator instead.", false);
	}

	private LineItem keyCache(EffectiveSettings settings) {
		long bytes = settings.bytes("key_buffer_size");
		List<String> variables = new ArrayList<>(List.of("key_buffer_size"));
		for (var cache : settings.namedKeyCacheBytes().entrySet()) {
			bytes = Math.addExact(bytes, cache.getValue());
			variables.add(cache.getKey() + ".key_buffer_size");
		}
		return global("key_cache", "MyISAM key cache", bytes, variables,
				"MyISAM caches index blocks here (the default cache plus every named one), allocated at start-up.", false);
	}

	/** Allocated even when query_cache_type=OFF [checked on MariaDB]. */
	private LineItem queryCache(EffectiveSettings settings) {
		return global("query_cache", "query cache", settings.bytes("query_cache_size"), List.of("query_cache_size", "query_cache_type"),
				"The query cache is allocated at its full size even when query_cache_type is OFF.", false);
	}

	private LineItem performanceSchema(EffectiveSettings settings, ServerProfile profile, Long measured) {
		List<String> variables = List.of("performance_schema");
		if (!settings.isOn("performance_schema")) {
			return global("performance_schema", "performance_schema", 0, variables,
					"performance_schema is OFF, so its instrument tables take no memory.", false);
		}
		if (measured != null) {
			return global("performance_schema", "performance_schema", measured, variables,
					"Measured on the server (its memory/performance_schema/% instruments): its instrument tables.", false);
		}
		// offline: what the measured server of this family holds with every connection slot taken
		// (docs/memory-model.md#term-performance-schema); it grows with max_connections, a page of
		// thread instances at a time
		PerformanceSchemaSize size = PerformanceSchemaSize.of(profile);
		long connections = settings.bytes("max_connections");
		long estimate = size.bytesAt(connections);
		return global("performance_schema", "performance_schema", estimate, List.of("performance_schema", "max_connections"),
				"Estimated from " + PerformanceSchemaSize.measuredOn(profile) + " with its sizing autosized: "
						+ ByteSize.formatApproximate(size.startBytes(connections) + size.useBytes())
						+ " of instrument tables at start-up and as the first connections run statements, plus "
						+ ByteSize.formatApproximate(size.threadPageBytes()) + " for each further " + size.threadsPerPage()
						+ " threads (" + connections + " connections, the administrator's and " + size.backgroundThreads()
						+ " server threads fill " + size.pages(connections) + " × " + size.threadsPerPage()
						+ "); performance_schema_max_* set explicitly, or table caches set below the defaults, make it smaller, a live server gives the exact figure.",
				true);
	}

	/** MySQL 8.0+: one cap shared by every session's internal temporary tables. */
	private LineItem tempTablePool(EffectiveSettings settings) {
		boolean tempTable = "TempTable".equals(settings.text("internal_tmp_mem_storage_engine"));
		return global("temptable", "TempTable shared pool", tempTable ? settings.bytes("temptable_max_ram") : 0,
				List.of("temptable_max_ram", "internal_tmp_mem_storage_engine"),
				tempTable ? "Internal temporary tables of all sessions share this cap (a maximum, allocated as needed)."
						: "Not used: internal_tmp_mem_storage_engine=MEMORY gives each connection its own temp tables.", false);
	}

	private LineItem networkBuffers(EffectiveSettings settings) {
		return perConnection("net_buffers", "network buffers", Math.multiplyExact(2, settings.bytes("net_buffer_length")),
				List.of("net_buffer_length", "max_allowed_packet"),
				"Each connection has a connection and a result buffer of net_buffer_length; each can grow to max_allowed_packet ("
						+ ByteSize.formatApproximate(settings.bytes("max_allowed_packet")) + ") for a large row, not counted here.");
	}

	/** Only when the binary log is on: MySQLTuner counts them even when it is off. */
	private LineItem binlogCaches(EffectiveSettings settings) {
		boolean logging = settings.isOn("log_bin");
		long bytes = logging ? Math.addExact(settings.bytes("binlog_cache_size"), settings.bytes("binlog_stmt_cache_size")) : 0;
		return perConnection("binlog_caches", "binary log caches", bytes,
				List.of("binlog_cache_size", "binlog_stmt_cache_size", "log_bin"),
				logging ? "With the binary log on, each connection buffers its transaction's and statements' events here."
						: "The binary log is off, so no connection allocates binary log caches.");
	}

	/** min(tmp_table_size, max_heap_table_size) unless MySQL 8's TempTable engine holds them. */
	private LineItem inMemoryTempTable(EffectiveSettings settings) {
		List<String> variables = new ArrayList<>(List.of("tmp_table_size", "max_heap_table_size"));
		if ("TempTable".equals(settings.text("internal_tmp_mem_storage_engine"))) {
			variables.add("internal_tmp_mem_storage_engine");
			return perConnection("tmp_table", "in-memory temporary table", 0, variables,
					"Under TempTable the internal temporary tables draw on the shared pool, not on each connection.");
		}
		long bytes = Math.min(settings.bytes("tmp_table_size"), settings.bytes("max_heap_table_size"));
		return perConnection("tmp_table", "in-memory temporary table", bytes, variables,
				"A GROUP BY, DISTINCT or UNION can build an in-memory temporary table up to the smaller of the two limits.");
	}

	private static LineItem global(String id, String term, long bytes, List<String> variables, String explanation,
			boolean estimate) {
		return new LineItem(id, term, Scope.GLOBAL, bytes, variables, explanation, estimate);
	}

	private static LineItem perConnection(String id, String term, long bytes, List<String> variables, String explanation) {
		return new LineItem(id, term, Scope.PER_CONNECTION, bytes, variables, explanation, false);
	}

}
