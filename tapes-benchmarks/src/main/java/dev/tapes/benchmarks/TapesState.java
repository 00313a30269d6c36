package dev.tapes.benchmarks;

import dev.tapes.Clock;
import dev.tapes.Counter;
import dev.tapes.Histogram;
import dev.tapes.Meter;
import dev.tapes.Registry;
import dev.tapes.Reservoir;
import dev.tapes.Timer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Tapes as a user sets it up: one registry on the system clock, ticked by its heartbeat, with
 * the default sliding-window sketch and, for comparison, the seed's decaying reservoir.
 */
@State(Scope.Benchmark)
public class TapesState {

  Registry registry;
  Clock clock;
  Timer timer;
  Timer decayingTimer;
  Histogram histogram;
  Histogram decayingHistogram;
  Meter meter;
  Counter counter;

  @Setup
  public void setUp() {
    registry = new Registry();
    clock = registry.getClock();
    timer = registry.timer("bench.timer");
    decayingTimer = registry.timer("bench.decayingTimer", Reservoir.exponentiallyDecaying());
    histogram = registry.histogram("bench.histogram");
    decayingHistogram =
        registry.histogram("bench.decayingHistogram", Reservoir.exponentiallyDecaying());
    meter = registry.meter("bench.meter");
    counter = registry.counter("bench.counter");
  }

  @TearDown
  public void tearDown() {
    registry.close();
  }
}
