package dev.memplan.live;

import java.net.IDN;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated server address and its credentials. The host is a DNS name or an IP literal and
 * nothing else, so it can be placed in a JDBC URL without any user text reaching the URL's
 * option syntax. The password is a char array, wiped by {@link #wipePassword()} after the probe.
 */
public final class LiveTarget {

	private static final Pattern HOST_NAME = Pattern.compile(
			"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

	private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

	private static final Pattern USER = Pattern.compile("[^\\x00-\\x1f]{1,80}");

	private final String host;

	private final int port;

	private final String user;

	private final char[] password;

	private final TlsMode tlsMode;

	private LiveTarget(String host, int port, String user, char[] password, TlsMode tlsMode) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
		this.tlsMode = tlsMode;
	}

	/** @throws IllegalArgumentException with a message for the field that is wrong */
	public static LiveTarget of(String host, String port, String user, char[] password, String tls) {
		return new LiveTarget(validHost(host), validPort(port), validUser(user), (password != null) ? password : new char[0],
				validTls(tls));
	}

	static String validHost(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidTargetException("host", "a host name or IP address is required");
		}
		String host = text.strip().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (IPV4.matcher(host).matches()) {
			return host;
		}
		if (host.contains(":")) {
			return ipv6Literal(host);
		}
		String ascii;
		try {
			ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTargetException("host", "not a host name or IP address");
		}
		if (!HOST_NAME.matcher(ascii).matches()) {
			throw new InvalidTargetException("host", "not a host name or IP address");
		}
		return ascii;
	}

	/** With a ':' Java parses the text as an IPv6 literal and never looks it up in DNS. */
	private static String ipv6Literal(String host) {
		if (IPV6.matcher(host).matches()) {
			try {
				if (java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address) {
					return host;
				}
			}
			catch (java.net.UnknownHostException ex) {
				// not a literal: reported below
			}
		}
		throw new InvalidTargetException("host", "not a host name or IP address (write a port in the port field)");
	}

	static int validPort(String text) {
		if (text == null || text.isBlank()) {
			return 3306;
		}
		try {
			int port = Integer.parseInt(text.strip());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidTargetException("port", "a port is a number from 1 to 65535");
	}

	private static String validUser(String text) {
		if (text == null || text.isEmpty()) {
			throw new InvalidTargetException("user", "a user name is required");
		}
		if (!USER.matcher(text).matches()) {
			throw new InvalidTargetException("user", "a user name has at most 80 printable characters");
		}
		return text;
	}

	private static TlsMode validTls(String text) {
		if (text == null || text.isBlank()) {
			return TlsMode.PREFERRED;
		}
		try {
			return TlsMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTargetException("tls", "TLS mode is one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY");
		}
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return this.user;
	}

	char[] password() {
		return this.password;
	}

	public TlsMode tlsMode() {
		return this.tlsMode;
	}

	/** host[:port] for messages; never the user or the password. */
	public String address() {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	public void wipePassword() {
		Arrays.fill(this.password, '\0');
	}

	@Override
	public String toString() {
		return "LiveTarget[" + address() + ", user=" + this.user + ", tls=" + this.tlsMode + "]";
	}

	/** A field of the connection form that cannot be used. */
	public static final class InvalidTargetException extends IllegalArgumentException {

		private final String field;

		InvalidTargetException(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

}
