package dev.memplan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away mariadbd of its own: a fresh data directory, a port of the caller's (issue 18's range
 * is 18000-18999), the options the test gives, and the probe user of {@link LocalMariaDb} created
 * through its socket. Skips when mariadbd is absent, unless CI=true. Stopped and deleted by close().
 */
public final class SpareMariaDb implements AutoCloseable {

	private final Path dir;

	private final Process process;

	private final int port;

	private SpareMariaDb(Path dir, Process process, int port) {
		this.dir = dir;
		this.process = process;
		this.port = port;
	}

	public static SpareMariaDb start(int port, List<String> options) throws IOException, InterruptedException {
		require();
		Path dir = Files.createTempDirectory("memplan-spare-" + port + "-");
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		run(List.of("chown", "-R", "mysql:mysql", dir.toString()));
		run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=mysql",
				"--auth-root-authentication-method=socket"));
		Path socket = dir.resolve("mysqld.sock");
		List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--datadir=" + data, "--socket=" + socket,
				"--port=" + port, "--bind-address=127.0.0.1", "--user=mysql", "--log-error=" + dir.resolve("error.log"),
				"--pid-file=" + dir.resolve("mysqld.pid"), "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
				"--innodb-log-file-size=8M", "--performance-schema=OFF"));
		command.addAll(options);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
			.start();
		SpareMariaDb server = new SpareMariaDb(dir, process, port);
		for (int i = 0; i < 120; i++) {
			if (sql(socket, "SELECT 1") == 0) {
				String user = LocalMariaDb.USER;
				String password = LocalMariaDb.PASSWORD;
				sql(socket, "CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
				return server;
			}
			if (!process.isAlive()) {
				break;
			}
			Thread.sleep(250);
		}
		String log = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "(no log)";
		server.close();
		throw new IllegalStateException("the spare mariadbd on port " + port + " did not start:\n" + log);
	}

	public int port() {
		return this.port;
	}

	private static int sql(Path socket, String statement) throws IOException, InterruptedException {
		Process client = new ProcessBuilder("mariadb", "--no-defaults", "--protocol=socket", "--socket=" + socket, "-uroot", "-e",
				statement).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (!client.waitFor(10, TimeUnit.SECONDS)) {
			client.destroyForcibly();
			return -1;
		}
		return client.exitValue();
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
		}
	}

	private static void require() {
		boolean present = Files.isExecutable(Path.of("/usr/sbin/mariadbd")) || Files.isExecutable(Path.of("/usr/bin/mariadbd"));
		boolean root = "root".equals(System.getProperty("user.name"));
		if (!present || !root) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but a spare mariadbd cannot be started here (installed: " + present
						+ ", root: " + root + ")");
			}
			Assumptions.abort("SKIPPED: a spare mariadbd needs MariaDB installed and root (for --user=mysql)");
		}
	}

	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
