package dev.tapes.benchmarks;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dropwizard Metrics with its defaults: timers and histograms on an
 * {@code ExponentiallyDecayingReservoir}, meters that read the clock on every mark.
 */
@State(Scope.Benchmark)
public class DropwizardState {

  MetricRegistry registry;
  Timer timer;
  Histogram histogram;
  Meter meter;
  Counter counter;

  @Setup
  public void setUp() {
    registry = new MetricRegistry();
    timer = registry.timer("bench.timer");
    histogram = registry.histogram("bench.histogram");
    meter = registry.meter("bench.meter");
    counter = registry.counter("bench.counter");
  }
}
