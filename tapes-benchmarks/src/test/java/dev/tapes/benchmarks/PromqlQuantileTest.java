package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import org.junit.jupiter.api.Test;

class PromqlQuantileTest {

  @Test
  void classicBucketsInterpolateLinearlyFromZero() {
    Histogram histogram = Histogram.builder().name("classic").classicUpperBounds(1, 2, 4)
        .register(new PrometheusRegistry());
    observe(histogram, 0.5, 2);
    observe(histogram, 1.5, 2);
    observe(histogram, 3, 4);
    observe(histogram, 10, 2);
    HistogramDataPointSnapshot point = histogram.collect().getDataPoints().get(0);

    // Rank 1 of 10 is half way through [0, 1]; rank 5 a quarter through (2, 4].
    assertThat(PromqlQuantile.of(0.1, point)).isCloseTo(0.5, within(1e-12));
    assertThat(PromqlQuantile.of(0.5, point)).isCloseTo(2.5, within(1e-12));
    // In the +Inf bucket PromQL answers the highest finite bound.
    assertThat(PromqlQuantile.of(0.95, point)).isEqualTo(4);
  }

  @Test
  void nativeBucketsInterpolateExponentially() {
    Histogram histogram = Histogram.builder().name("native").nativeOnly().nativeInitialSchema(0)
        .register(new PrometheusRegistry());
    observe(histogram, 1.5, 4);
    HistogramDataPointSnapshot point = histogram.collect().getDataPoints().get(0);

    // Schema 0: bucket (1, 2]; rank 2 of 4 is half way, exponentially: 2^0.5.
    assertThat(PromqlQuantile.of(0.5, point)).isCloseTo(Math.sqrt(2), within(1e-12));
  }

  private static void observe(Histogram histogram, double value, int times) {
    for (int i = 0; i < times; i++) {
      histogram.observe(value);
    }
  }
}
