package dev.memplan.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;

/**
 * Connector/J's socket factory ({@code socketFactory} property), with sockets that count what they
 * read and that the probe's watchdog can close. Outside a probe (no {@link ProbeGuard} on the thread,
 * e.g. the driver's own cancel connection) it opens plain sockets, bounded by the driver's timeouts.
 */
public class GuardedSocketFactory extends StandardSocketFactory {

	@Override
	protected Socket createSocket(PropertySet properties) {
		ProbeGuard guard = ProbeGuard.current();
		if (guard == null) {
			return super.createSocket(properties);
		}
		Socket socket = new GuardedSocket(guard);
		guard.register(socket);
		return socket;
	}

	private static final class GuardedSocket extends Socket {

		private final ProbeGuard guard;

		GuardedSocket(ProbeGuard guard) {
			this.guard = guard;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.guard.counting(super.getInputStream());
		}

	}

}
