package dev.memplan.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port that accepts every connection and never sends a byte: a server that hangs
 * before its handshake. Only a read timeout gets a client out.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket listener;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	public SilentServer() throws IOException {
		this(0);
	}

	public SilentServer(int port) throws IOException {
		this.listener = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.listener.isClosed()) {
				try {
					this.held.add(this.listener.accept());
				}
				catch (IOException ex) {
					// closed by the test
				}
			}
		}, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

}
