package dev.memplan.live;

import java.time.Duration;

/**
 * How much one probe may cost: a wall-clock deadline for the whole probe (connect, handshake and
 * every statement together) and, per statement, the rows and bytes it may read. A real server has
 * fewer than 2,000 variables and 1,000 status rows, about 100 KiB of text; a server sending more is
 * not one to plan from, and reading on would only fill the heap.
 */
public record ProbeLimits(Duration connectTimeout, Duration socketTimeout, Duration deadline, int maxRowsPerStatement,
		long maxBytesPerStatement) {

	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

	/** Five times the largest real answer (MariaDB 11's ~700 variables, MySQL 8.4's ~600 status rows). */
	public static final int DEFAULT_MAX_ROWS = 10_000;

	/** SHOW GLOBAL VARIABLES of MariaDB 10.11 is ~60 KiB on the wire. */
	public static final long DEFAULT_MAX_BYTES = 4L << 20;

	public ProbeLimits {
		if (deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("memplan.live.deadline must be positive");
		}
		if (maxRowsPerStatement < 1 || maxBytesPerStatement < 1) {
			throw new IllegalArgumentException("the live probe's row and byte caps must be positive");
		}
	}

	public static ProbeLimits of(Duration connectTimeout, Duration socketTimeout, Duration deadline) {
		return new ProbeLimits(connectTimeout, socketTimeout, deadline, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
	}

}
