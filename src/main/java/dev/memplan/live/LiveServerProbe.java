package dev.memplan.live;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;

/**
 * Reads a live MySQL or MariaDB server with read-only statements: its version, SHOW GLOBAL
 * VARIABLES, SHOW GLOBAL STATUS, and where the server can tell, the memory it uses. The only
 * class that touches JDBC. The URL is built from a validated host and a port, never from user
 * text; risky driver features are forced off; both timeouts are always set.
 */
public final class LiveServerProbe {

	private static final int QUERY_TIMEOUT_SECONDS = 10;

	private final AllowedHosts allowedHosts;

	private final Duration connectTimeout;

	private final Duration socketTimeout;

	private final ProbeLimits limits;

	public LiveServerProbe(AllowedHosts allowedHosts, Duration connectTimeout, Duration socketTimeout) {
		this(allowedHosts, ProbeLimits.of(connectTimeout, socketTimeout, ProbeLimits.DEFAULT_DEADLINE));
	}

	public LiveServerProbe(AllowedHosts allowedHosts, ProbeLimits limits) {
		this.allowedHosts = allowedHosts;
		this.connectTimeout = limits.connectTimeout();
		this.socketTimeout = limits.socketTimeout();
		this.limits = limits;
	}

	public ProbeResult probe(LiveTarget target) {
		String address;
		try {
			address = this.allowedHosts.permit(target.host(), target.port());
		}
		catch (AllowedHosts.HostNotAllowedException ex) {
			target.wipePassword();
			return failed(ProbeFailure.Kind.HOST_NOT_ALLOWED, target.host()
					+ " is not among the hosts this memplan may connect to (memplan.live.allowed-hosts). No connection was made.", target);
		}
		catch (UnknownHostException ex) {
			target.wipePassword();
			if (!this.allowedHosts.allowsAny()) {
				// with an allow-list, a name outside it says nothing more about itself than any other outsider
				return failed(ProbeFailure.Kind.HOST_NOT_ALLOWED, target.host()
						+ " is not among the hosts this memplan may connect to (memplan.live.allowed-hosts). No connection was made.", target);
			}
			return failed(ProbeFailure.Kind.UNKNOWN_HOST, "The host name " + target.host() + " does not resolve.", target);
		}
		Properties properties = properties(target);
		try (ProbeGuard guard = ProbeGuard.start(this.limits)) {
			try (Connection connection = DriverManager.getConnection(url(address, target.port()), properties)) {
				properties.clear();
				target.wipePassword();
				connection.setReadOnly(true);
				return new ProbeResult.Connected(read(connection));
			}
			catch (SQLException ex) {
				return new ProbeResult.Failed(classify(ex, target, guard.trip()));
			}
		}
		finally {
			properties.clear();
			target.wipePassword();
		}
	}

	/** jdbc:mysql://host:port/ — the host was validated as a name or an IP literal; no options in the URL. */
	static String url(String host, int port) {
		String literal = host.contains(":") ? "[" + host + "]" : host;
		return "jdbc:mysql://" + literal + ":" + port + "/";
	}

	private Properties properties(LiveTarget target) {
		Properties properties = new Properties();
		properties.setProperty("user", target.user());
		properties.setProperty("password", new String(target.password()));
		properties.setProperty("sslMode", target.tlsMode().name());
		properties.setProperty("connectTimeout", Long.toString(this.connectTimeout.toMillis()));
		properties.setProperty("socketTimeout", Long.toString(this.socketTimeout.toMillis()));
		properties.setProperty("allowLoadLocalInfile", "false");
		properties.setProperty("allowUrlInLocalInfile", "false");
		properties.setProperty("allowMultiQueries", "false");
		properties.setProperty("allowPublicKeyRetrieval", "false");
		properties.setProperty("autoReconnect", "false");
		properties.setProperty("characterEncoding", "UTF-8");
		properties.setProperty("connectionAttributes", "program_name:memplan");
		// the watchdog and the byte count live on the socket (ProbeGuard)
		properties.setProperty("socketFactory", GuardedSocketFactory.class.getName());
		return properties;
	}

	private LiveSnapshot read(Connection connection) throws SQLException {
		String version;
		String comment;
		try (Statement statement = statement(connection); ResultSet rows = statement.executeQuery("SELECT VERSION(), @@version_comment")) {
			rows.next();
			version = rows.getString(1);
			comment = rows.getString(2);
		}
		Map<String, String> variables = pairs(connection, "SHOW GLOBAL VARIABLES");
		Map<String, String> status = pairs(connection, "SHOW GLOBAL STATUS");
		boolean mariaDb = (version + " " + comment).toLowerCase(Locale.ROOT).contains("mariadb");
		MeasuredMemory measured = mariaDb ? MeasuredMemory.mariaDb(connection, status) : MeasuredMemory.mySql(connection);
		ObservedPeaks observed = ObservedPeaksReader.read(connection, mariaDb, variables);
		return new LiveSnapshot(version, comment, variables, status, measured.totalBytes(), measured.notes(), measured.consumers(),
				measured.performanceSchemaBytes(), observed);
	}

	/**
	 * A statement within the probe's bounds: the byte count starts again, and the driver keeps at most
	 * one row past the cap (it reads on to the end of the answer, so the byte cap and the deadline stop a
	 * flood; the extra row tells a full answer from one cut short).
	 */
	static Statement statement(Connection connection) throws SQLException {
		Statement statement = connection.createStatement();
		statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
		ProbeGuard guard = ProbeGuard.current();
		if (guard != null) {
			guard.startStatement();
			statement.setMaxRows(guard.limits().maxRowsPerStatement() + 1);
		}
		return statement;
	}

	private static Map<String, String> pairs(Connection connection, String sql) throws SQLException {
		Map<String, String> pairs = new LinkedHashMap<>();
		ProbeGuard guard = ProbeGuard.current();
		try (Statement statement = statement(connection); ResultSet rows = statement.executeQuery(sql)) {
			int count = 0;
			while (rows.next()) {
				if (guard != null && count++ == guard.limits().maxRowsPerStatement()) {
					guard.trip(ProbeGuard.Trip.TOO_MANY_ROWS);
					throw new SQLException("more than " + guard.limits().maxRowsPerStatement() + " rows from " + sql, "08000");
				}
				pairs.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
			}
		}
		return pairs;
	}

	private ProbeFailure classify(SQLException ex, LiveTarget target, ProbeGuard.Trip trip) {
		String address = target.address();
		if (trip == ProbeGuard.Trip.DEADLINE) {
			return new ProbeFailure(ProbeFailure.Kind.TIMED_OUT, "The server at " + address + " did not finish answering within "
					+ this.limits.deadline().toSeconds() + " s (memplan.live.deadline); the connection was closed.",
					args(target, this.limits.deadline().toSeconds(), ""));
		}
		if (trip == ProbeGuard.Trip.TOO_MANY_ROWS || trip == ProbeGuard.Trip.TOO_MANY_BYTES) {
			String limit = (trip == ProbeGuard.Trip.TOO_MANY_ROWS) ? this.limits.maxRowsPerStatement() + " rows"
					: (this.limits.maxBytesPerStatement() >> 20) + " MiB";
			return new ProbeFailure(ProbeFailure.Kind.TOO_LARGE, "The server at " + address + " sent more than " + limit
					+ " for one statement, far more than a real server does; reading stopped and nothing was planned.",
					args(target, this.socketTimeout.toSeconds(), limit));
		}
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		int code = ex.getErrorCode();
		List<Throwable> causes = causes(ex);
		if (causes.stream().anyMatch(UnknownHostException.class::isInstance)) {
			return failure(ProbeFailure.Kind.UNKNOWN_HOST, "The host name " + target.host() + " does not resolve.", target);
		}
		if (code == 1045 || code == 1044 || state.equals("28000")) {
			// the server's own message names the account as it saw it (never the password): say which one, and how to make it
			Optional<DeniedAccount> denied = DeniedAccount.fromServerMessage(ex.getMessage());
			if (denied.isPresent()) {
				String message = denied.get().englishSentence(address) + " " + DeniedAccount.englishHowTo() + " "
						+ String.join(" ", denied.get().leastPrivilegeStatements());
				return new ProbeFailure(ProbeFailure.Kind.ACCESS_DENIED, message, args(target, this.socketTimeout.toSeconds(), ""),
						denied.get());
			}
			return failure(ProbeFailure.Kind.ACCESS_DENIED, "The server at " + address + " refused the user name or password.", target);
		}
		if (causes.stream().anyMatch(ConnectException.class::isInstance)) {
			return failure(ProbeFailure.Kind.REFUSED, "Nothing accepts connections at " + address + ".", target);
		}
		if (causes.stream().anyMatch(SocketTimeoutException.class::isInstance)) {
			return failure(ProbeFailure.Kind.TIMED_OUT, "The server at " + address + " did not answer within "
					+ this.socketTimeout.toSeconds() + " s.", target);
		}
		String text = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		if (text.contains("ssl") || text.contains("tls")) {
			return failure(ProbeFailure.Kind.TLS_UNAVAILABLE, "TLS mode " + target.tlsMode()
					+ " was asked for, but the server at " + address + " does not offer TLS (or its certificate did not verify).", target);
		}
		if (state.startsWith("08")) {
			return failure(ProbeFailure.Kind.CONNECTION_LOST, "The connection to " + address
					+ " was lost while reading the server; nothing was planned. Try again.", target);
		}
		return failure(ProbeFailure.Kind.FAILED, "Reading the server at " + address + " failed (SQL state "
				+ (state.isEmpty() ? "unknown" : state) + ", error " + code + ").", target);
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex; cause != null && causes.size() < 10; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private ProbeResult failed(ProbeFailure.Kind kind, String message, LiveTarget target) {
		return new ProbeResult.Failed(failure(kind, message, target));
	}

	private ProbeFailure failure(ProbeFailure.Kind kind, String message, LiveTarget target) {
		return new ProbeFailure(kind, message, args(target, this.socketTimeout.toSeconds(), ""));
	}

	/** The arguments of {@code probe.<KIND>}: address, host, seconds, TLS mode, the limit that was reached. */
	private static List<String> args(LiveTarget target, long seconds, String limit) {
		return List.of(target.address(), target.host(), Long.toString(seconds), target.tlsMode().name(), limit);
	}

}
