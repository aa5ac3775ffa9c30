import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.memplan.cli.MemplanCli;

/**
 * memplan's command line, many times in one JVM, for bench/matrix.sh: a JVM per plan and per live
 * probe cost 1.0-1.7 s of each matrix row on 2 cores (bench/README.md), the command itself a few ms.
 * The same MemplanCli the jar's main runs, with the same arguments; only the start-up is shared.
 *
 * Reads one command a line from standard input: OUT_FILE, then memplan's arguments, separated by tabs.
 * Writes the command's standard output to OUT_FILE and its standard error to OUT_FILE.err, then prints
 * the exit code on a line of its own (the caller waits for that line). Ends at the end of its input.
 * Run: java -cp CLASSES_AND_LIBS bench/lib/MemplanRunner.java (bench/matrix.sh unpacks the jar for it).
 */
public class MemplanRunner {

	public static void main(String[] args) throws IOException {
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = commands.readLine()) != null) {
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = Arrays.asList(line.split("\t", -1));
			String outFile = fields.get(0);
			int code;
			try (PrintStream out = new PrintStream(new FileOutputStream(outFile), true, StandardCharsets.UTF_8);
					PrintStream err = new PrintStream(new FileOutputStream(outFile + ".err"), true, StandardCharsets.UTF_8)) {
				try {
					code = new MemplanCli(InputStream.nullInputStream(), out, err, System.getenv())
						.run(fields.subList(1, fields.size()));
				}
				catch (RuntimeException ex) {
					// the jar's main would die with this trace: the row says so instead of stopping the run
					ex.printStackTrace(err);
					code = 3;
				}
			}
			System.out.println(code);
			System.out.flush();
		}
	}

}
