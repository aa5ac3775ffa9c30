package dev.memplan.livereading;

import java.util.HashMap;
import java.util.Map;

import dev.memplan.catalog.DataFiles;

/**
 * How much resident memory one byte of a connection's high-water mark becomes, measured on the
 * accuracy matrix by bench/calibrate-projection.py and read from {@code catalog/projection.tsv}
 * (docs/memory-terms.md#projection): the marks count what the server asked for, and a freed
 * temporary table or sort buffer is reused by the next statement rather than kept resident twice.
 *
 * @param residentPerTrackedPercent resident bytes per 100 tracked bytes (the median over the workloads)
 * @param outOfSampleWithin25Percent runs projected within ±25 % of peak RSS with a factor fitted on the other configs
 * @param outOfSampleRuns the runs so checked
 * @param untrackedResultCopies copies of a sent result a connection holds outside its mark (bench/projection-terms.sh)
 * @param openTableInPoolBytes the buffer-pool pages per open table that open_table includes (bench/projection-terms.sh)
 * @param mySqlRestPercent MySQL 8.0.31+: resident bytes per 100 tracked bytes outside TempTable, or null for the factor above
 * @param mySqlTempTablePercent MySQL 8.0.31+: resident bytes per 100 tracked bytes of TempTable RAM, or null likewise
 * @param mySqlBase MySQL 8.0.31+: the server at rest and what a connection holds beyond its mark, or null for
 * memory-terms.tsv's server_base (measured on MariaDB) and nothing beyond the mark
 */
public record ProjectionCalibration(int residentPerTrackedPercent, int outOfSampleWithin25Percent, int outOfSampleRuns,
		String outOfSampleErrorMinPercent, String outOfSampleErrorMaxPercent, int untrackedResultCopies, long openTableInPoolBytes,
		Integer mySqlRestPercent, Integer mySqlTempTablePercent, MySqlBase mySqlBase) {

	/**
	 * What MySQL 8.0.31 holds that neither its caches' pages in use nor the connections' marks count,
	 * fitted by bench/calibrate-projection.py on the matrix's idle rows (peak RSS less the rest of the
	 * projection, against the buffer pool's size and the connections): the server at rest held about
	 * a third more than MariaDB's measured base, growing with the pool, and each idle connection held
	 * more than its mark (a thread's stack and its own arena are not performance_schema memory).
	 *
	 * @param restBytes the server at rest beyond its caches' pages in use, with no buffer pool
	 * @param perPoolGibBytes added for each GiB of innodb_buffer_pool_size
	 * @param untrackedPerConnectionBytes resident per connection beyond its high-water mark
	 */
	public record MySqlBase(long restBytes, long perPoolGibBytes, long untrackedPerConnectionBytes) {

		/** The server's base for a buffer pool of {@code poolBytes}. */
		public long serverBytes(long poolBytes) {
			return Math.addExact(this.restBytes, Math.multiplyExact(poolBytes >> 20, this.perPoolGibBytes) >> 10);
		}

	}

	/** MySQL shares without a base of MySQL's own. */
	public ProjectionCalibration(int residentPerTrackedPercent, int outOfSampleWithin25Percent, int outOfSampleRuns,
			String outOfSampleErrorMinPercent, String outOfSampleErrorMaxPercent, int untrackedResultCopies, long openTableInPoolBytes,
			Integer mySqlRestPercent, Integer mySqlTempTablePercent) {
		this(residentPerTrackedPercent, outOfSampleWithin25Percent, outOfSampleRuns, outOfSampleErrorMinPercent, outOfSampleErrorMaxPercent,
				untrackedResultCopies, openTableInPoolBytes, mySqlRestPercent, mySqlTempTablePercent, null);
	}

	/** One factor for every server. */
	public ProjectionCalibration(int residentPerTrackedPercent, int outOfSampleWithin25Percent, int outOfSampleRuns,
			String outOfSampleErrorMinPercent, String outOfSampleErrorMaxPercent, int untrackedResultCopies, long openTableInPoolBytes) {
		this(residentPerTrackedPercent, outOfSampleWithin25Percent, outOfSampleRuns, outOfSampleErrorMinPercent, outOfSampleErrorMaxPercent,
				untrackedResultCopies, openTableInPoolBytes, null, null, null);
	}

	public static final String RESOURCE = "catalog/projection.tsv";

	private static final ProjectionCalibration STANDARD = read(RESOURCE);

	public static ProjectionCalibration standard() {
		return STANDARD;
	}

	static ProjectionCalibration read(String resource) {
		Map<String, String> values = new HashMap<>();
		for (String[] row : DataFiles.rows(resource)) {
			values.put(row[0], row[1]);
		}
		return new ProjectionCalibration(Integer.parseInt(values.get("resident_per_tracked_percent")),
				Integer.parseInt(values.get("out_of_sample_within_25_percent")), Integer.parseInt(values.get("out_of_sample_runs")),
				values.get("out_of_sample_error_min_percent"), values.get("out_of_sample_error_max_percent"),
				Integer.parseInt(values.get("untracked_result_copies")), Math.multiplyExact(Long.parseLong(values.get("open_table_in_pool_kib")), 1024L),
				optional(values.get(MYSQL_REST)), optional(values.get(MYSQL_TEMPTABLE)), mySqlBase(values));
	}

	private static MySqlBase mySqlBase(Map<String, String> values) {
		String rest = values.get(MYSQL_BASE);
		if (rest == null) {
			return null;
		}
		return new MySqlBase(kib(rest), kib(values.get(MYSQL_BASE_PER_POOL_GIB)), kib(values.get(MYSQL_UNTRACKED_PER_CONNECTION)));
	}

	private static long kib(String value) {
		return Math.multiplyExact(Long.parseLong(value), 1024L);
	}

	static final String MYSQL_BASE = "mysql.server_base_kib";

	static final String MYSQL_BASE_PER_POOL_GIB = "mysql.server_base_per_pool_gib_kib";

	static final String MYSQL_UNTRACKED_PER_CONNECTION = "mysql.untracked_per_connection_kib";

	static final String MYSQL_REST = "mysql.resident_per_tracked_percent";

	static final String MYSQL_TEMPTABLE = "mysql.temptable_resident_per_tracked_percent";

	private static Integer optional(String value) {
		return (value != null) ? Integer.valueOf(value) : null;
	}

	/** A connection's projected resident bytes for its high-water mark. */
	public long resident(long trackedBytes) {
		return share(trackedBytes, this.residentPerTrackedPercent);
	}

	/**
	 * MySQL 8.0.31+: a mark of which {@code tempTableBytes} are TempTable RAM. TempTable takes a block
	 * whole and fills it as rows come, so less of it becomes resident than of a sort buffer, which a
	 * sort that outgrows it fills (bench/calibrate-projection.py fits both on the matrix's MySQL rows).
	 */
	public long resident(long trackedBytes, long tempTableBytes) {
		long tempTable = Math.max(0, Math.min(tempTableBytes, trackedBytes));
		int rest = (this.mySqlRestPercent != null) ? this.mySqlRestPercent : this.residentPerTrackedPercent;
		int temp = (this.mySqlTempTablePercent != null) ? this.mySqlTempTablePercent : this.residentPerTrackedPercent;
		return Math.addExact(share(trackedBytes - tempTable, rest), share(tempTable, temp));
	}

	private static long share(long bytes, int percent) {
		return Math.addExact(Math.multiplyExact(bytes / 100, percent), bytes % 100 * percent / 100);
	}

}
