package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.sketch.ExponentialLayout;
import dev.tapes.sketch.WindowedSketch;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every quantile of the default sketch against the exact quantile of the same data. */
class SketchAccuracyTest {

  private static final double[] QUANTILES = {
      0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9999, 1.0};

  @ParameterizedTest
  @EnumSource(Distributions.class)
  void everyQuantileIsWithinTheRelativeErrorOfTheExactOne(Distributions distribution) {
    checkAccuracy(distribution, ExponentialLayout.UNIT);
  }

  @ParameterizedTest
  @EnumSource(Distributions.class)
  void soItIsForTimersWhoseBucketsAreSeconds(Distributions distribution) {
    checkAccuracy(distribution, ExponentialLayout.NANOS_AS_SECONDS);
  }

  @org.junit.jupiter.api.Test
  void theBoundIsTheIssuesHalfAPerCent() {
    assertThat(SketchSnapshot.RELATIVE_ERROR).isLessThan(0.0055);
  }

  private static void checkAccuracy(Distributions distribution, ExponentialLayout layout) {
    for (long seed = 1; seed <= 5; seed++) {
      long[] values = distribution.sample(seed, 100_000);
      WindowedSketch sketch = new WindowedSketch(layout, 60_000_000_000L, 0);
      for (long value : values) {
        sketch.record(value);
      }
      SketchSnapshot snapshot = SketchSnapshot.deferred(layout, sketch.read(0)::window);
      long[] sorted = values.clone();
      Arrays.sort(sorted);

      for (double q : QUANTILES) {
        long exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
        double estimate = snapshot.getQuantile(q);
        assertThat(Math.abs(estimate - exact))
            .as("%s seed %d q%s: estimate %s, exact %d", distribution, seed, q, estimate, exact)
            .isLessThanOrEqualTo(SketchSnapshot.RELATIVE_ERROR * Math.abs(exact) + 1e-9);
      }
      assertThat(snapshot.getMin()).isEqualTo(sorted[0]);
      assertThat(snapshot.getMax()).isEqualTo(sorted[sorted.length - 1]);
      assertThat(snapshot.size()).isEqualTo(values.length);
      double mean = Arrays.stream(values).asDoubleStream().average().orElseThrow();
      assertThat(Math.abs(snapshot.getMean() - mean))
          .as("%s seed %d mean", distribution, seed)
          .isLessThanOrEqualTo(SketchSnapshot.RELATIVE_ERROR * meanMagnitude(values) + 1e-9);
    }
  }

  /** The mean's error bound: each value is off by at most the relative error of its own size. */
  private static double meanMagnitude(long[] values) {
    return Arrays.stream(values).mapToDouble(Math::abs).average().orElseThrow();
  }
}
