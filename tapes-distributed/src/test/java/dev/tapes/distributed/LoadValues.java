package dev.tapes.distributed;

import java.util.SplittableRandom;

/** The values a {@link LoadProxy} records for a seed, so a test can compute exact quantiles. */
final class LoadValues {

  private LoadValues() {}

  /** Roughly log-normal around 2 ms in nanoseconds, with one value in 50 a slow outlier. */
  static long[] of(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
          * Math.cos(2 * Math.PI * random.nextDouble());
      long value = Math.round(Math.exp(Math.log(2_000_000) + 0.8 * gaussian));
      values[i] = random.nextInt(50) == 0 ? value * 40 : value;
    }
    return values;
  }
}
