package dev.tapes;

import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/** Seeded value generators for accuracy tests, in nanoseconds-like magnitudes. */
enum Distributions {
  UNIFORM(random -> random.nextLong(1, 10_000_000)),
  LOGNORMAL(random -> Math.round(Math.exp(Math.log(2_000_000) + gaussian(random)))),
  BIMODAL(random -> random.nextInt(10) < 9
      ? Math.round(1_000_000 + 50_000 * gaussian(random))
      : Math.round(250_000_000 + 20_000_000 * gaussian(random))),
  HEAVY_TAILED(random -> Math.round(1_000 / Math.pow(1 - random.nextDouble(), 1 / 1.2))),
  SMALL_INTEGERS(random -> random.nextInt(0, 200)),
  SIGNED(random -> random.nextLong(-5_000_000, 5_000_000)),
  /** Powers of two and their neighbours, where bucket boundaries are: the hardest case. */
  AROUND_POWERS_OF_TWO(random -> (1L << random.nextInt(1, 40)) + random.nextInt(-1, 2)),
  /** Whole seconds and their neighbours in nanoseconds: a timer's boundaries. */
  AROUND_SECONDS(random -> 1_000_000_000L * random.nextInt(1, 64) + random.nextInt(-1, 2));

  private final ToLongFunction<SplittableRandom> generator;

  Distributions(ToLongFunction<SplittableRandom> generator) {
    this.generator = generator;
  }

  long[] sample(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.max(this == SIGNED ? Long.MIN_VALUE : 0, generator.applyAsLong(random));
    }
    return values;
  }

  /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
