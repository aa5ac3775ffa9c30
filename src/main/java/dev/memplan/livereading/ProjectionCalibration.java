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
 */
public record ProjectionCalibration(int residentPerTrackedPercent, int outOfSampleWithin25Percent, int outOfSampleRuns,
		String outOfSampleErrorMinPercent, String outOfSampleErrorMaxPercent, int untrackedResultCopies, long openTableInPoolBytes) {

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
				Integer.parseInt(values.get("untracked_result_copies")), Math.multiplyExact(Long.parseLong(values.get("open_table_in_pool_kib")), 1024L));
	}

	/** A connection's projected resident bytes for its high-water mark. */
	public long resident(long trackedBytes) {
		int percent = this.residentPerTrackedPercent;
		return Math.addExact(Math.multiplyExact(trackedBytes / 100, percent), trackedBytes % 100 * percent / 100);
	}

}
