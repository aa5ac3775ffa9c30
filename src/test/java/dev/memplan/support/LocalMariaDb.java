package dev.memplan.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB at 127.0.0.1:3306 (root, empty password on this machine). Tests create their own
 * least-privilege user at 'localhost' and '127.0.0.1'. Absent: skip, unless CI=true.
 */
public final class LocalMariaDb {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 3306;

	public static final String USER = "memplan_probe";

	public static final String PASSWORD = "Probe-Secret-7731";

	private LocalMariaDb() {
	}

	public static void requireRunning() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
		}
		catch (IOException ex) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but no MariaDB at 127.0.0.1:3306; .ci/run should have started it", ex);
			}
			Assumptions.abort("SKIPPED: no MariaDB at 127.0.0.1:3306 (start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)");
		}
	}

	public static Connection root() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "root");
		properties.setProperty("password", "");
		properties.setProperty("connectTimeout", "5000");
		properties.setProperty("socketTimeout", "15000");
		return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/", properties);
	}

	/** The probe's own user: no privileges beyond logging in. */
	public static void createProbeUser() throws SQLException {
		requireRunning();
		try (Connection connection = root(); Statement statement = connection.createStatement()) {
			for (String host : new String[] { "localhost", "127.0.0.1" }) {
				statement.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
				statement.execute("ALTER USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
			}
		}
	}

	public static String scalar(String sql) throws SQLException {
		try (Connection connection = root(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(rows.getMetaData().getColumnCount());
		}
	}

}
