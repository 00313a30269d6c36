package dev.tapes.benchmarks;

import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * Seeded latency-like data in nanoseconds, the same shapes as tapes-core's accuracy tests, so
 * that every library here records exactly the same values.
 */
enum Dataset {
  /** Median 2 ms, sigma 1: the long right tail of a typical request latency. */
  LOGNORMAL(random -> Math.round(Math.exp(Math.log(2_000_000) + gaussian(random)))),
  /** 90 % around 1 ms (a cache hit), 10 % around 250 ms (a miss): two far-apart modes. */
  BIMODAL(random -> random.nextInt(10) < 9
      ? Math.round(1_000_000 + 50_000 * gaussian(random))
      : Math.round(250_000_000 + 20_000_000 * gaussian(random)));

  private final ToLongFunction<SplittableRandom> generator;

  Dataset(ToLongFunction<SplittableRandom> generator) {
    this.generator = generator;
  }

  /** {@code n} values from {@code seed}, never negative (a duration cannot be). */
  long[] sample(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.max(0, generator.applyAsLong(random));
    }
    return values;
  }

  /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
