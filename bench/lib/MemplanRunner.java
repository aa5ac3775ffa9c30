import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 *
 * It also drives the matrix's client sessions ({@link Sessions}): {@code @open OUT PORT USER PASSWORD_ENV N SQL_FILE}
 * opens N sessions, starts their workload at one moment and answers when every session has finished it,
 * holding them connected; {@code @close OUT} ends them.
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
			if (fields.get(0).startsWith("@")) {
				System.out.println(Sessions.command(fields));
				System.out.flush();
				continue;
			}
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

	/**
	 * The matrix's client sessions, in this JVM rather than a {@code mariadb} client process each: the
	 * processes cost more than the server's own work (bigpacket: 0.75 s of client CPU per session against
	 * 0.32 s of the server's; bench/README.md, "Where the time goes"). Each session connects, waits at a
	 * gate until all N are connected, then runs the workload's statements in order, so the N statements
	 * run at once as the matrix means them to (a process per session started them spread over seconds).
	 * A session whose statement fails runs no more statements but stays connected until {@code @close}: its
	 * error (a cap's refusal, for one) goes to OUT.err, one line each; OUT gets "ok K" and "failed F".
	 */
	static final class Sessions {

		private static final List<Connection> open = Collections.synchronizedList(new ArrayList<>());

		static int command(List<String> fields) {
			try {
				return switch (fields.get(0)) {
					case "@open" -> open(Path.of(fields.get(1)), Integer.parseInt(fields.get(2)), fields.get(3), System.getenv(fields.get(4)),
							Integer.parseInt(fields.get(5)), Path.of(fields.get(6)));
					case "@close" -> close();
					default -> 2;
				};
			}
			catch (IOException | InterruptedException | RuntimeException ex) {
				ex.printStackTrace();
				return 3;
			}
		}

		/**
		 * How far the sessions' work overlapped: the spread of their starts, the median session's time
		 * and the most sessions at work at one moment (a sweep over the start and end times).
		 */
		static String overlap(long[] began, long[] ended) {
			int n = began.length;
			long first = Long.MAX_VALUE;
			long last = Long.MIN_VALUE;
			long[] durations = new long[n];
			List<long[]> events = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if (began[i] == 0 || ended[i] == 0) {
					continue;
				}
				first = Math.min(first, began[i]);
				last = Math.max(last, began[i]);
				durations[i] = ended[i] - began[i];
				events.add(new long[] { began[i], 1 });
				events.add(new long[] { ended[i], -1 });
			}
			if (events.isEmpty()) {
				return "";
			}
			events.sort((a, b) -> (a[0] != b[0]) ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
			int now = 0;
			int most = 0;
			for (long[] event : events) {
				now += (int) event[1];
				most = Math.max(most, now);
			}
			java.util.Arrays.sort(durations);
			return "spread_ms " + (last - first) / 1_000_000 + "\nmedian_ms " + durations[n / 2] / 1_000_000 + "\nconcurrent " + most + "\n";
		}

		/** A workload file's statements, split at each semicolon outside quotes (the files use no DELIMITER). */
		static List<String> statements(String text) {
			List<String> statements = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			char quote = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quote != 0) {
					current.append(c);
					if (c == '\\' && i + 1 < text.length()) {
						current.append(text.charAt(++i));
					}
					else if (c == quote) {
						quote = 0;
					}
				}
				else if (c == ';') {
					if (!current.toString().isBlank()) {
						statements.add(current.toString().strip());
					}
					current.setLength(0);
				}
				else {
					if (c == '\'' || c == '"' || c == '`') {
						quote = c;
					}
					current.append(c);
				}
			}
			if (!current.toString().isBlank()) {
				statements.add(current.toString().strip());
			}
			return statements;
		}

		private static int open(Path out, int port, String user, String password, int n, Path sqlFile) throws IOException, InterruptedException {
			List<String> statements = statements(Files.readString(sqlFile));
			Properties properties = new Properties();
			properties.setProperty("user", user);
			properties.setProperty("password", password);
			properties.setProperty("sslMode", "DISABLED");
			properties.setProperty("allowPublicKeyRetrieval", "true");
			properties.setProperty("connectTimeout", "30000");
			// a statement stuck longer than this fails its session (the row says so) rather than holding the run
			properties.setProperty("socketTimeout", "120000");
			String url = "jdbc:mysql://127.0.0.1:" + port + "/bench";
			CountDownLatch connected = new CountDownLatch(n);
			CountDownLatch gate = new CountDownLatch(1);
			CountDownLatch finished = new CountDownLatch(n);
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			int[] ok = new int[1];
			// when each session's work began and ended (System.nanoTime), for how far the sessions overlapped
			long[] began = new long[n];
			long[] ended = new long[n];
			for (int i = 0; i < n; i++) {
				int index = i;
				Thread session = new Thread(() -> {
					Connection connection = null;
					try {
						try {
							connection = DriverManager.getConnection(url, properties);
							open.add(connection);
						}
						finally {
							connected.countDown();
						}
						gate.await();
						began[index] = System.nanoTime();
						try (Statement statement = connection.createStatement()) {
							for (String sql : statements) {
								boolean results = statement.execute(sql);
								// read every result a CALL or a multi-result statement returns
								while (results || statement.getUpdateCount() != -1) {
									if (results) {
										try (var rows = statement.getResultSet()) {
											while (rows.next()) {
												// the rows are received; nothing is kept
											}
										}
									}
									results = statement.getMoreResults();
								}
							}
						}
						synchronized (ok) {
							ok[0]++;
						}
					}
					catch (SQLException ex) {
						// the session stays connected, as an application's pooled connection would: MariaDB
						// refuses the statement over max_session_mem_used and keeps the connection (and the
						// mark it reached); MySQL's caps close the connection themselves
						errors.add(String.valueOf(ex.getMessage()).replace('\n', ' '));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					catch (RuntimeException | Error ex) {
						// an out-of-memory in this JVM, say: the session counts as failed, with its reason
						errors.add("session error: " + ex);
					}
					finally {
						ended[index] = System.nanoTime();
						finished.countDown();
					}
				}, "session-" + i);
				session.setDaemon(true);
				session.start();
			}
			if (!connected.await(120, TimeUnit.SECONDS)) {
				errors.add("not all " + n + " sessions connected within 120 s");
			}
			gate.countDown();
			boolean all = finished.await(600, TimeUnit.SECONDS);
			Files.writeString(out, "ok " + ok[0] + "\nfailed " + errors.size() + "\n" + (all ? "" : "timed out\n") + overlap(began, ended));
			Files.write(Path.of(out + ".err"), new ArrayList<>(errors));
			return all ? 0 : 1;
		}

		private static int close() throws InterruptedException {
			List<Connection> connections;
			synchronized (open) {
				connections = new ArrayList<>(open);
				open.clear();
			}
			List<Thread> closing = new ArrayList<>();
			for (Connection connection : connections) {
				Thread t = new Thread(() -> {
					try {
						connection.close();
					}
					catch (SQLException ex) {
						// closed by the server already
					}
				});
				t.start();
				closing.add(t);
			}
			for (Thread t : closing) {
				t.join(30_000);
			}
			return 0;
		}

	}

}
