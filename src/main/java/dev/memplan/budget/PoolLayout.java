package dev.memplan.budget;

import dev.memplan.catalog.ServerProfile;

/**
 * A buffer pool size with the instances and chunk size that let the server keep it as written:
 * MySQL 5.7+ and MariaDB 10.6 round the pool to a multiple of chunk × instances, which with the
 * defaults (8 × 128 MiB) can throw away a quarter of a small pool. The layout keeps the default
 * chunk where it can and takes fewer instances (then smaller chunks) until rounding costs at most
 * {@value #MAX_LOSS_PERCENT} % of the target.
 *
 * @param instances innodb_buffer_pool_instances to write; 0 where the server has none (MariaDB)
 * @param chunkBytes innodb_buffer_pool_chunk_size to write; 0 where the server has none (5.6, MariaDB 10.11+)
 */
public record PoolLayout(long poolBytes, long instances, long chunkBytes) {

	static final int MAX_LOSS_PERCENT = 3;

	static final long MIB = 1L << 20;

	static final long DEFAULT_CHUNK = 128 * MIB;

	private static final long GIB = 1L << 30;

	private static final long[] INSTANCES = { 8, 4, 2, 1 };

	/** The largest pool not above {@code target} that the server keeps as written. */
	static PoolLayout forTarget(ServerProfile profile, long target) {
		long wanted = Math.max(MIB, target / MIB * MIB);
		if (profile.isMySql() && !profile.isAtLeast(5, 7)) {
			// 5.6 sizes the pool in 1 MiB steps; 8 instances from 1 GiB up, as its default
			return new PoolLayout(wanted, (wanted >= GIB) ? 8 : 1, 0);
		}
		if (!StartupDefaults.roundsPoolToChunks(profile)) {
			return new PoolLayout(wanted, 0, 0);
		}
		for (long chunk = DEFAULT_CHUNK; chunk >= MIB; chunk /= 2) {
			for (long instances : profile.isMySql() ? INSTANCES : new long[] { 1 }) {
				long granule = chunk * instances;
				long pool = wanted - wanted % granule;
				if (pool > 0 && instancesKept(profile, instances, pool) && (wanted - pool) * 100 <= wanted * MAX_LOSS_PERCENT) {
					return new PoolLayout(pool, profile.isMySql() ? instances : 0, chunk);
				}
			}
		}
		return new PoolLayout(wanted, profile.isMySql() ? 1 : 0, MIB);
	}

	/** The server forces one instance below a 1 GiB pool (8.4: at 1 GiB and below), whatever is set. */
	static boolean instancesKept(ServerProfile profile, long instances, long pool) {
		if (instances == 1) {
			return true;
		}
		return profile.isAtLeast(8, 4) ? pool > GIB : pool >= GIB;
	}

	/** The pool as a percentage of {@code ramBytes}, to one decimal: what the comment in the snippet states. */
	public double percentOf(long ramBytes) {
		return Math.round(this.poolBytes * 1000.0 / ramBytes) / 10.0;
	}

}
