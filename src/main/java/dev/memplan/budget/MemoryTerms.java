package dev.memplan.budget;

import java.util.HashMap;
import java.util.Map;

import dev.memplan.catalog.DataFiles;

/**
 * The measured figures behind the terms that no server variable names (docs/memory-terms.md).
 * They are read from {@code catalog/memory-terms.tsv}, which bench/terms.sh derives from its own
 * results (bench/results/terms.txt); none is typed into the code.
 *
 * @param connectionStructuresBytes what a connection holds beyond its named buffers (THD, statement arenas)
 * @param tempTablesPerStatement in-memory temporary tables one statement was measured to hold at once
 * @param packetCopies copies of its largest packet a connection holds while sending or receiving it
 * @param openTableBytes resident bytes per open table (TABLE, TABLE_SHARE, engine handler and dictionary)
 * @param glibcSlackPercent how much more glibc malloc kept resident than jemalloc for the same statements
 * @param untrackedBeyondTempTableBytes what a connection held beyond its tracked memory and one temp table
 * @param serverBaseBytes a server at rest beyond the caches' touched pages: code, libraries, dictionary, background threads
 */
public record MemoryTerms(long connectionStructuresBytes, int tempTablesPerStatement, int packetCopies, long openTableBytes,
		int glibcSlackPercent, long untrackedBeyondTempTableBytes, long serverBaseBytes) {

	public static final String RESOURCE = "catalog/memory-terms.tsv";

	private static final MemoryTerms STANDARD = read(RESOURCE);

	public static MemoryTerms standard() {
		return STANDARD;
	}

	static MemoryTerms read(String resource) {
		Map<String, Long> values = new HashMap<>();
		for (String[] row : DataFiles.rows(resource)) {
			long value = Long.parseLong(row[1].strip());
			values.put(row[0].strip(), "KiB".equals(row[2].strip()) ? Math.multiplyExact(value, 1024) : value);
		}
		return new MemoryTerms(require(values, "connection_structures"), Math.toIntExact(require(values, "temp_tables_per_statement")),
				Math.toIntExact(require(values, "packet_copies")), require(values, "open_table"),
				Math.toIntExact(require(values, "glibc_slack_percent")), require(values, "untracked_beyond_temp_table"),
				require(values, "server_base"));
	}

	private static long require(Map<String, Long> values, String name) {
		Long value = values.get(name);
		if (value == null) {
			throw new IllegalStateException(RESOURCE + " lacks " + name + "; run bench/terms.sh");
		}
		return value;
	}

}
