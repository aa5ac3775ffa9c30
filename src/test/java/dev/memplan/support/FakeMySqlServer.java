package dev.memplan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the MySQL client/server protocol (handshake v10, OK/ERR/EOF, text result sets) to
 * let Connector/J log in and read SHOW GLOBAL VARIABLES, on an ephemeral loopback port, and to
 * misbehave on purpose: flood a statement with rows, drip the greeting one byte at a time, or say
 * nothing at all. Any user and password is let in. What a real server does is tested against the
 * real MariaDB; this is for what only a hostile or broken one does.
 */
public final class FakeMySqlServer implements AutoCloseable {

	/** How the server behaves. */
	public sealed interface Behaviour {
	}

	/** Answers like a small MySQL 8.0 with the given version string. */
	public record Plain(String version) implements Behaviour {
	}

	/** SHOW GLOBAL VARIABLES answers {@code rows} rows with values of {@code valueBytes} bytes. */
	public record Flood(int rows, int valueBytes) implements Behaviour {
	}

	/** Sends its greeting one byte every {@code millis}. */
	public record Drip(long millis) implements Behaviour {
	}

	/** Accepts and never says a word. */
	public record Silent() implements Behaviour {
	}

	private static final int CAPABILITIES = 0x1 | 0x4 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x20000 | 0x80000 | 0x200000;

	private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+(\\w+)");

	private final ServerSocket listener;

	private final Behaviour behaviour;

	private final List<Socket> clients = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger rowsSent = new AtomicInteger();

	public FakeMySqlServer(Behaviour behaviour) throws IOException {
		this.behaviour = behaviour;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "fake-mysql-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	public int connections() {
		return this.connections.get();
	}

	/** Rows of the flood written before the client went away. */
	public int rowsSent() {
		return this.rowsSent.get();
	}

	/** Clients still connected (their socket not closed by them). */
	public long openClients() {
		return this.clients.stream().filter((socket) -> !socket.isClosed()).count();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket client : this.clients) {
			client.close();
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.clients.add(client);
				this.connections.incrementAndGet();
				Thread session = new Thread(() -> serve(client), "fake-mysql-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			OutputStream out = client.getOutputStream();
			InputStream in = client.getInputStream();
			if (this.behaviour instanceof Silent) {
				in.read(); // until the client hangs up
				return;
			}
			byte[] greeting = packet(0, greeting());
			if (this.behaviour instanceof Drip drip) {
				for (byte b : greeting) {
					out.write(b);
					out.flush();
					Thread.sleep(drip.millis());
				}
			}
			else {
				out.write(greeting);
				out.flush();
			}
			byte[] login = readPacket(in);
			if (login == null) {
				return;
			}
			write(out, 2, ok());
			for (byte[] command = readPacket(in); command != null && command[0] != 0x01; command = readPacket(in)) {
				if (command[0] == 0x03) {
					answer(out, new String(command, 1, command.length - 1, StandardCharsets.UTF_8));
				}
				else {
					write(out, 1, ok());
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away: that is what most tests are about
		}
	}

	private void answer(OutputStream out, String query) throws IOException {
		String sql = query.replaceAll("/\\*.*?\\*/", "").replaceAll("\\s+", " ").strip();
		String upper = sql.toUpperCase();
		if (upper.startsWith("SELECT @@SESSION.AUTO_INCREMENT_INCREMENT")) {
			Map<String, String> row = new LinkedHashMap<>();
			Matcher alias = ALIAS.matcher(sql);
			while (alias.find()) {
				row.put(alias.group(1), sessionVariable(alias.group(1)));
			}
			resultSet(out, new ArrayList<>(row.keySet()), List.of(new ArrayList<>(row.values())));
		}
		else if (upper.startsWith("SELECT VERSION()")) {
			resultSet(out, List.of("VERSION()", "@@version_comment"), List.of(List.of(version(), "memplan test fake")));
		}
		else if (upper.equals("SHOW GLOBAL VARIABLES")) {
			if (this.behaviour instanceof Flood flood) {
				flood(out, flood);
			}
			else {
				resultSet(out, List.of("Variable_name", "Value"), List.of(List.of("max_connections", "151"),
						List.of("innodb_buffer_pool_size", "134217728"), List.of("version", version())));
			}
		}
		else if (upper.equals("SHOW VARIABLES")) {
			// what Connector/J asks instead of its SELECT @@session... when it cannot read the version (99999999999.0.1)
			List<List<String>> rows = new ArrayList<>();
			for (String name : SESSION_VARIABLES) {
				rows.add(List.of(name, sessionVariable(name)));
			}
			resultSet(out, List.of("Variable_name", "Value"), rows);
		}
		else if (upper.equals("SHOW GLOBAL STATUS")) {
			resultSet(out, List.of("Variable_name", "Value"), List.of(List.of("Max_used_connections", "3")));
		}
		else if (upper.startsWith("SELECT") || upper.startsWith("SHOW")) {
			write(out, 1, error(1142, "42000", "SELECT command denied"));
		}
		else {
			write(out, 1, ok());
		}
	}

	private String version() {
		return (this.behaviour instanceof Plain plain) ? plain.version() : "8.0.36";
	}

	private static final List<String> SESSION_VARIABLES = List.of("auto_increment_increment", "performance_schema",
			"character_set_client", "character_set_connection", "character_set_results", "character_set_server", "collation_server",
			"collation_connection", "max_allowed_packet", "net_write_timeout", "interactive_timeout", "wait_timeout",
			"lower_case_table_names", "query_cache_size", "transaction_isolation", "tx_isolation", "time_zone", "system_time_zone", "license",
			"query_cache_type");

	private static String sessionVariable(String name) {
		return switch (name) {
			case "auto_increment_increment", "performance_schema" -> "1";
			case "character_set_client", "character_set_connection", "character_set_results", "character_set_server" -> "utf8mb4";
			case "collation_server", "collation_connection" -> "utf8mb4_0900_ai_ci";
			case "max_allowed_packet" -> "67108864";
			case "net_write_timeout" -> "60";
			case "interactive_timeout", "wait_timeout" -> "28800";
			case "lower_case_table_names", "query_cache_size" -> "0";
			case "transaction_isolation", "tx_isolation" -> "REPEATABLE-READ";
			case "time_zone" -> "SYSTEM";
			case "system_time_zone" -> "UTC";
			case "license" -> "GPL";
			case "query_cache_type" -> "OFF";
			default -> "";
		};
	}

	private void flood(OutputStream out, Flood flood) throws IOException {
		int sequence = columns(out, List.of("Variable_name", "Value"));
		byte[] value = new byte[flood.valueBytes()];
		Arrays.fill(value, (byte) 'x');
		for (int i = 0; i < flood.rows(); i++) {
			ByteArrayOutputStream row = new ByteArrayOutputStream();
			lengthEncoded(row, ("flood_" + i).getBytes(StandardCharsets.US_ASCII));
			lengthEncoded(row, value);
			write(out, sequence++ & 0xff, row.toByteArray());
			this.rowsSent.incrementAndGet();
		}
		write(out, sequence & 0xff, eof());
	}

	private static void resultSet(OutputStream out, List<String> names, List<List<String>> rows) throws IOException {
		int sequence = columns(out, names);
		for (List<String> row : rows) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (String value : row) {
				lengthEncoded(bytes, value.getBytes(StandardCharsets.UTF_8));
			}
			write(out, sequence++, bytes.toByteArray());
		}
		write(out, sequence, eof());
	}

	/** Column count, one definition per column, EOF; returns the next sequence number. */
	private static int columns(OutputStream out, List<String> names) throws IOException {
		int sequence = 1;
		write(out, sequence++, new byte[] { (byte) names.size() });
		for (String name : names) {
			ByteArrayOutputStream column = new ByteArrayOutputStream();
			for (String part : new String[] { "def", "", "", "", name, name }) {
				lengthEncoded(column, part.getBytes(StandardCharsets.UTF_8));
			}
			column.write(0x0c);
			column.writeBytes(new byte[] { 45, 0 }); // utf8mb4_general_ci
			column.writeBytes(new byte[] { 0, 0, 1, 0 }); // display length 65536
			column.write(0xfd); // VAR_STRING
			column.writeBytes(new byte[] { 0, 0, 0, 0, 0 }); // flags, decimals, filler
			write(out, sequence++, column.toByteArray());
		}
		write(out, sequence++, eof());
		return sequence;
	}

	private byte[] greeting() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(10);
		bytes.writeBytes((version() + "\0").getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(new byte[] { 7, 0, 0, 0 }); // connection id
		bytes.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
		bytes.write(0);
		bytes.writeBytes(new byte[] { (byte) CAPABILITIES, (byte) (CAPABILITIES >> 8) });
		bytes.write(45);
		bytes.writeBytes(new byte[] { 2, 0 }); // autocommit
		bytes.writeBytes(new byte[] { (byte) (CAPABILITIES >> 16), (byte) (CAPABILITIES >> 24) });
		bytes.write(21);
		bytes.writeBytes(new byte[10]);
		bytes.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
		return bytes.toByteArray();
	}

	private static byte[] ok() {
		return new byte[] { 0, 0, 0, 2, 0, 0, 0 };
	}

	private static byte[] eof() {
		return new byte[] { (byte) 0xfe, 0, 0, 2, 0 };
	}

	private static byte[] error(int code, String state, String message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(0xff);
		bytes.writeBytes(new byte[] { (byte) code, (byte) (code >> 8) });
		bytes.writeBytes(("#" + state + message).getBytes(StandardCharsets.US_ASCII));
		return bytes.toByteArray();
	}

	private static void lengthEncoded(ByteArrayOutputStream out, byte[] value) {
		int length = value.length;
		if (length < 251) {
			out.write(length);
		}
		else if (length < 65536) {
			out.writeBytes(new byte[] { (byte) 0xfc, (byte) length, (byte) (length >> 8) });
		}
		else {
			out.writeBytes(new byte[] { (byte) 0xfd, (byte) length, (byte) (length >> 8), (byte) (length >> 16) });
		}
		out.writeBytes(value);
	}

	private static void write(OutputStream out, int sequence, byte[] payload) throws IOException {
		out.write(packet(sequence, payload));
		out.flush();
	}

	private static byte[] packet(int sequence, byte[] payload) {
		byte[] packet = new byte[payload.length + 4];
		packet[0] = (byte) payload.length;
		packet[1] = (byte) (payload.length >> 8);
		packet[2] = (byte) (payload.length >> 16);
		packet[3] = (byte) sequence;
		System.arraycopy(payload, 0, packet, 4, payload.length);
		return packet;
	}

	private static byte[] readPacket(InputStream in) throws IOException {
		byte[] header = in.readNBytes(4);
		if (header.length < 4) {
			return null;
		}
		int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
		byte[] payload = in.readNBytes(length);
		return (payload.length == length && length > 0) ? payload : null;
	}

}
