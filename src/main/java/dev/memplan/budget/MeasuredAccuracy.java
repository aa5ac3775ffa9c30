package dev.memplan.budget;

import java.util.HashMap;
import java.util.Map;

import dev.memplan.catalog.DataFiles;

/**
 * What the latest accuracy matrix measured (bench/matrix.sh writes {@code catalog/accuracy.tsv}
 * from its results file): the ratios memplan's advice quotes, so that none is typed into the code.
 *
 * @param runs rows without a cap
 * @param ceilingHeld rows whose ceiling was at or above peak RSS
 * @param ceilingOverPeakMin the smallest ceiling / peak RSS, as the results file writes it ("1.23")
 * @param ceilingOverPeakMax the largest
 */
public record MeasuredAccuracy(int runs, int ceilingHeld, String ceilingOverPeakMin, String ceilingOverPeakMax) {

	public static final String RESOURCE = "catalog/accuracy.tsv";

	private static final MeasuredAccuracy STANDARD = read();

	/** null in a build made before the matrix first ran: then the advice quotes no figure. */
	public static MeasuredAccuracy standard() {
		return STANDARD;
	}

	private static MeasuredAccuracy read() {
		if (MeasuredAccuracy.class.getClassLoader().getResource(RESOURCE) == null) {
			return null;
		}
		Map<String, String> values = new HashMap<>();
		for (String[] row : DataFiles.rows(RESOURCE)) {
			values.put(row[0].strip(), row[1].strip());
		}
		return new MeasuredAccuracy(Integer.parseInt(values.get("runs")), Integer.parseInt(values.get("ceiling_held")),
				values.get("ceiling_over_peak_min"), values.get("ceiling_over_peak_max"));
	}

}
