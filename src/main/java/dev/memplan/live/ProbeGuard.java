package dev.memplan.live;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounds of one probe, enforced on its sockets. A watchdog closes every socket of the probe at
 * the deadline, which ends a read that a per-read timeout would not (a server dripping one byte every
 * few seconds); the bytes read since the last statement began are counted on the socket itself, so
 * reading stops at the cap instead of after the driver has buffered the whole answer.
 * <p>
 * The driver creates its socket through {@link GuardedSocketFactory} on the probe's own thread, which
 * finds the guard in {@link #CURRENT}.
 */
final class ProbeGuard implements AutoCloseable {

	/** Why a probe was stopped by its bounds rather than by the server. */
	enum Trip {
		DEADLINE, TOO_MANY_ROWS, TOO_MANY_BYTES
	}

	private static final ThreadLocal<ProbeGuard> CURRENT = new ThreadLocal<>();

	private static final ScheduledExecutorService WATCHDOG = watchdog();

	private final ProbeLimits limits;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicLong statementBytes = new AtomicLong();

	private final ScheduledFuture<?> deadline;

	private volatile Trip trip;

	private ProbeGuard(ProbeLimits limits) {
		this.limits = limits;
		this.deadline = WATCHDOG.schedule(() -> trip(Trip.DEADLINE), limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Starts the deadline and makes this the guard of the sockets the calling thread opens until {@link #close()}. */
	static ProbeGuard start(ProbeLimits limits) {
		ProbeGuard guard = new ProbeGuard(limits);
		CURRENT.set(guard);
		return guard;
	}

	static ProbeGuard current() {
		return CURRENT.get();
	}

	ProbeLimits limits() {
		return this.limits;
	}

	Trip trip() {
		return this.trip;
	}

	void register(Socket socket) {
		this.sockets.add(socket);
		if (this.trip != null) {
			closeQuietly(socket);
		}
	}

	InputStream counting(InputStream in) {
		return new CountingInputStream(in);
	}

	/** A new statement gets the full byte allowance again. */
	void startStatement() {
		this.statementBytes.set(0);
	}

	/** Records the first reason and closes every socket: any read in progress ends at once. */
	void trip(Trip reason) {
		if (this.trip == null) {
			this.trip = reason;
		}
		this.sockets.forEach(ProbeGuard::closeQuietly);
	}

	@Override
	public void close() {
		this.deadline.cancel(false);
		this.sockets.forEach(ProbeGuard::closeQuietly);
		CURRENT.remove();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing is all that matters
		}
	}

	private static ScheduledExecutorService watchdog() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "memplan-live-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private final class CountingInputStream extends FilterInputStream {

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int value = super.read();
			if (value >= 0) {
				count(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int read) throws IOException {
			if (statementBytes.addAndGet(read) > limits.maxBytesPerStatement()) {
				trip(Trip.TOO_MANY_BYTES);
				throw new IOException("memplan stopped reading: more than " + limits.maxBytesPerStatement() + " bytes for one statement");
			}
		}

	}

}
