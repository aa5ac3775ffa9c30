package dev.memplan.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** memplan's data files on the classpath: one record a line, '#' comments and blank lines skipped. */
public final class DataFiles {

	private DataFiles() {
	}

	public static List<String> lines(String resource) {
		List<String> lines = new ArrayList<>();
		try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing data file " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/** Tab-separated rows. */
	public static List<String[]> rows(String resource) {
		return lines(resource).stream().map((line) -> line.split("\t")).toList();
	}

}
