package dev.memplan.budget;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.ByteSize;

/**
 * MySQL 8's TempTable engine, once {@code temptable_max_ram} is used up, keeps internal temporary
 * tables in memory-mapped temporary files in tmpdir (docs/memory-terms.md#temptable-mmap). The pages it
 * touches are the server's resident memory (RssFile, VmHWM, and the OOM killer's rss): on MySQL
 * 8.0.31 they took 50 sessions' peak RSS above a ceiling that counted the RAM pool alone.
 * One global term beside the pool; 0 when the overflow goes to InnoDB on-disk tables instead,
 * whose pages live in the buffer pool, already counted.
 */
final class TempTableOverflow {

	static final String ID = "temptable_mmap";

	/**
	 * Before 8.0.23 nothing bounds the mapped files (they grow until tmpdir is full). Assumed: 1 GiB,
	 * the bound MySQL itself chose when it added temptable_max_mmap (its 8.0 default).
	 */
	static final long UNBOUNDED_ASSUMPTION = 1L << 30;

	private static final String TERM = "TempTable memory-mapped overflow";

	private TempTableOverflow() {
	}

	/** The term, for a server with TempTable (temptable_max_ram among its variables). */
	static LineItem of(EffectiveSettings settings) {
		List<String> variables = new ArrayList<>(List.of("internal_tmp_mem_storage_engine", "temptable_max_ram"));
		for (String name : List.of("temptable_use_mmap", "temptable_max_mmap")) {
			if (settings.has(name)) {
				variables.add(name);
			}
		}
		if (!UnnamedTerms.tempTableEngine(settings)) {
			return item(0, variables, "Not used: internal_tmp_mem_storage_engine=MEMORY; TempTable maps no files.", false);
		}
		if (settings.has("temptable_use_mmap") && !settings.isOn("temptable_use_mmap")) {
			return item(0, variables, "temptable_use_mmap=OFF: past temptable_max_ram TempTable moves a table to an InnoDB on-disk "
					+ "table, whose pages are in the buffer pool (already counted).", false);
		}
		if (settings.has("temptable_max_mmap")) {
			long bytes = settings.bytes("temptable_max_mmap");
			return item(bytes, variables, (bytes == 0)
					? "temptable_max_mmap=0: past temptable_max_ram TempTable moves a table to an InnoDB on-disk table, whose pages are "
							+ "in the buffer pool (already counted)."
					: "Past temptable_max_ram, TempTable keeps temporary tables in memory-mapped files in tmpdir, up to "
							+ "temptable_max_mmap (" + ByteSize.formatApproximate(bytes) + ") for all sessions; every page it touches is "
							+ "resident memory of the server (file-backed: the kernel can write it back under pressure, but it counts "
							+ "in RSS and in the OOM killer's score).", false);
		}
		return item(UNBOUNDED_ASSUMPTION, variables, "Past temptable_max_ram, TempTable keeps temporary tables in memory-mapped files in "
				+ "tmpdir, and before MySQL 8.0.23 nothing bounds them: assumed " + ByteSize.formatApproximate(UNBOUNDED_ASSUMPTION)
				+ ", the bound 8.0.23 introduced (temptable_max_mmap). Every page touched is resident memory of the server. "
				+ (settings.has("temptable_use_mmap") ? "temptable_use_mmap=OFF sends the overflow to InnoDB on-disk tables instead."
						: "Before 8.0.16 the overflow cannot be turned off."), true);
	}

	private static LineItem item(long bytes, List<String> variables, String explanation, boolean estimate) {
		return new LineItem(ID, TERM, Scope.GLOBAL, bytes, List.copyOf(variables), explanation, estimate);
	}

}
