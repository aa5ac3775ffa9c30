package dev.memplan.support;

import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark-style check that work grows linearly with its input: the time for an input twice as
 * large is at most three times the time for the first (quadratic growth gives four). Times are the
 * best of several runs after a warm-up, so a pause of the machine does not count; no absolute time
 * is asserted.
 */
public final class Growth {

	private static final int RUNS = 5;

	private static final int ATTEMPTS = 3;

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

	/** The best wall time of a few runs, in nanoseconds. */
	public static <T> long best(T input, Consumer<T> work) {
		long best = Long.MAX_VALUE;
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			work.accept(input);
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}

}
