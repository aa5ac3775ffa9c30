package dev.memplan.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A local TCP proxy to the real server that cuts both sockets when the client sends a given
 * statement: a connection killed mid-probe, every time at the same point.
 */
public final class CuttingProxy implements AutoCloseable {

	private final ServerSocket listener;

	public CuttingProxy(String targetHost, int targetPort, String cutAtStatement) throws IOException {
		this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			try (Socket client = this.listener.accept(); Socket server = new Socket(targetHost, targetPort)) {
				Thread down = new Thread(() -> pump(server, client, null));
				down.setDaemon(true);
				down.start();
				pump(client, server, cutAtStatement.getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// closed by the test
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	private static void pump(Socket from, Socket to, byte[] cutMarker) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[16384];
			int read;
			while ((read = in.read(buffer)) > 0) {
				if (cutMarker != null && contains(buffer, read, cutMarker)) {
					from.close();
					to.close();
					return;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	private static boolean contains(byte[] buffer, int length, byte[] marker) {
		outer: for (int i = 0; i + marker.length <= length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (buffer[i + j] != marker[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

}
