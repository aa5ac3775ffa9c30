package dev.memplan.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * memplan.live.allowed-hosts: host names and CIDR ranges the probe may connect to; empty allows
 * any. A name may carry a port ({@code db1:3306}, {@code [2001:db8::1]:3307}), which then is the only
 * port allowed on it. A name is checked as written; a range is checked against every address the
 * name resolves to, and the probe then connects to the address that was checked, not to a fresh lookup.
 */
public final class AllowedHosts {

	private final List<String> names = new ArrayList<>();

	/** host:port entries, as "host:port" (IPv6 literals in brackets). */
	private final List<String> namesWithPort = new ArrayList<>();

	private final List<Cidr> ranges = new ArrayList<>();

	public AllowedHosts(List<String> entries) {
		for (String entry : entries) {
			String value = entry.strip().toLowerCase(Locale.ROOT);
			if (value.isEmpty()) {
				continue;
			}
			if (value.matches("[^:/\\[\\]]+:\\d{1,5}") || value.matches("\\[[0-9a-f:.]+\\]:\\d{1,5}")) {
				this.namesWithPort.add(value);
				continue;
			}
			if (value.startsWith("[") && value.endsWith("]")) {
				value = value.substring(1, value.length() - 1);
			}
			if (value.contains("/") || value.matches("[0-9.]+") || value.contains(":")) {
				this.ranges.add(Cidr.parse(value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32")));
			}
			else {
				this.names.add(value);
			}
		}
	}

	public boolean allowsAny() {
		return this.names.isEmpty() && this.ranges.isEmpty() && this.namesWithPort.isEmpty();
	}

	/** As {@link #permit(String)}, and an entry with a port allows that host on that port only. */
	public String permit(String host, int port) throws UnknownHostException {
		String literal = host.contains(":") ? "[" + host + "]" : host;
		if (this.namesWithPort.contains(literal + ":" + port)) {
			return host;
		}
		return permit(host);
	}

	/**
	 * @return the address to connect to: the host itself when allowed by name or when any host is
	 * allowed, else the resolved address inside an allowed range
	 * @throws HostNotAllowedException when the host is outside every entry
	 */
	public String permit(String host) throws UnknownHostException {
		if (allowsAny() || this.names.contains(host)) {
			return host;
		}
		if (this.ranges.isEmpty()) {
			throw new HostNotAllowedException(host);
		}
		InetAddress[] addresses = InetAddress.getAllByName(host);
		for (InetAddress address : addresses) {
			if (this.ranges.stream().noneMatch((range) -> range.contains(address))) {
				throw new HostNotAllowedException(host);
			}
		}
		return addresses[0].getHostAddress();
	}

	public static final class HostNotAllowedException extends RuntimeException {

		HostNotAllowedException(String host) {
			super(host + " is not in memplan.live.allowed-hosts");
		}

	}

	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String text) {
			String[] parts = text.split("/", 2);
			try {
				byte[] address = InetAddress.getByName(parts[0]).getAddress();
				int prefix = Integer.parseInt(parts[1]);
				if (prefix < 0 || prefix > address.length * 8) {
					throw new IllegalArgumentException("bad prefix in allowed host range " + text);
				}
				return new Cidr(address, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("not a CIDR range: " + text, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = 0xff << (8 - rest) & 0xff;
			return (bytes[full] & mask) == (this.network[full] & mask);
		}

	}

}
