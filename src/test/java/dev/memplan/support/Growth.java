package dev.memplan.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark-style check that work grows linearly with its input: the time for an input twice as
 * large is at most three times the time for the first (quadratic growth gives four). Times are the
 * best of several runs after a warm-up, in the working thread's CPU time, so a pause of the machine
 * does not count; no absolute time is asserted here.
 */
public final class Growth {

	private static final int RUNS = 5;

	private static final int ATTEMPTS = 3;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

	private Growth() {
	}

	public static <T> void assertLinear(String shape, int n, IntFunction<T> input, Consumer<T> work) {
		T small = input.apply(n);
		T large = input.apply(2 * n);
		work.accept(small); // warm-up: class loading and the JIT
		work.accept(large);
		long once = 0;
		long twice = 0;
		// a quadratic reader fails every attempt; a pause of a busy 2-core machine (a collection, another
		// build) fails one, so the pair is measured again before the verdict
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			once = best(small, work);
			twice = best(large, work);
			// a millisecond of slack for inputs that take only a few
			if (twice <= 3 * once + 1_000_000) {
				return;
			}
		}
		assertThat(twice).as("%s: %d ms for 2N against %d ms for N", shape, twice / 1_000_000, once / 1_000_000)
			.isLessThanOrEqualTo(3 * once + 1_000_000);
	}

	/**
	 * The best time of a few runs, in nanoseconds: the CPU time of the thread doing the work where the
	 * JVM measures it, so that other processes on a busy 2-core machine (another build, a browser)
	 * do not count; wall time otherwise.
	 */
	public static <T> long best(T input, Consumer<T> work) {
		long best = Long.MAX_VALUE;
		for (int run = 0; run < RUNS; run++) {
			long start = now();
			work.accept(input);
			best = Math.min(best, now() - start);
		}
		return best;
	}

	/**
	 * The best time in nanoseconds, measured again (up to {@link #ATTEMPTS} times) while it is over
	 * {@code limitNanos}: a slow reader is over the limit every time, while a fork that just grew its
	 * heap (the page faults count as the thread's CPU time) or a machine loaded by another process
	 * is over it once.
	 */
	public static <T> long bestUnder(long limitNanos, T input, Consumer<T> work) {
		long best = Long.MAX_VALUE;
		for (int attempt = 0; attempt < ATTEMPTS && best >= limitNanos; attempt++) {
			best = Math.min(best, best(input, work));
		}
		return best;
	}

	private static long now() {
		return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
	}

}
