package dev.tapes.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micrometer on a {@code SimpleMeterRegistry}: a plain timer (count, total, max) and one that
 * also publishes client-side percentiles, the closest to what a Tapes timer reports.
 */
@State(Scope.Benchmark)
public class MicrometerState {

  /** The percentiles Tapes users read most: median, p99, p999. */
  static final double[] PERCENTILES = {0.5, 0.99, 0.999};

  MeterRegistry registry;
  Timer timer;
  Timer percentilesTimer;
  DistributionSummary summary;
  DistributionSummary percentilesSummary;
  Counter counter;

  @Setup
  public void setUp() {
    registry = new SimpleMeterRegistry();
    timer = timer(registry, "bench.timer");
    percentilesTimer = percentilesTimer(registry, "bench.percentilesTimer");
    summary = DistributionSummary.builder("bench.summary").register(registry);
    percentilesSummary = DistributionSummary.builder("bench.percentilesSummary")
        .publishPercentiles(PERCENTILES).register(registry);
    counter = Counter.builder("bench.counter").register(registry);
  }

  static Timer timer(MeterRegistry registry, String name) {
    return Timer.builder(name).register(registry);
  }

  static Timer percentilesTimer(MeterRegistry registry, String name) {
    return Timer.builder(name).publishPercentiles(PERCENTILES).register(registry);
  }
}
