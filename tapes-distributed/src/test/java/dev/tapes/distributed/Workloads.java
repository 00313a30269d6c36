package dev.tapes.distributed;

import dev.tapes.Registry;
import dev.tapes.Reservoir;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Seeded workloads recorded into real registries, for codec, merge and fault tests. */
final class Workloads {

  private Workloads() {}

  /**
   * Records a random mix of every metric type into {@code registry}: counters up and down,
   * meters, histograms over several magnitudes (and negative values), timers, both reservoirs,
   * and gauges (one of them NaN).
   */
  static void recordMixed(Registry registry, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    registry.counter("app.jobs.queued").increment(random.nextLong(-50, 1_000));
    registry.counter("app.jobs.done").increment(random.nextLong(0, 1_000_000));
    registry.meter("app.requests").mark(random.nextLong(0, 10_000));
    for (int i = 0, n = random.nextInt(1, 2_000); i < n; i++) {
      registry.histogram("app.sizes").update(random.nextLong(-1_000, 50_000_000));
      registry.timer("app.latency").update(random.nextLong(0, 3_000_000_000L));
    }
    for (int i = 0, n = random.nextInt(0, 300); i < n; i++) {
      registry.histogram("app.legacy", Reservoir.exponentiallyDecaying()).update(
          random.nextLong(0, 1_000_000));
    }
    long value = random.nextLong(0, 100);
    registry.gauge("app.pool.free", () -> value);
    registry.gauge("app.pool.broken", () -> Double.NaN);
  }

  /** A counter that remembers the exact total of what a workload recorded. */
  static final class Tally {
    final AtomicLong total = new AtomicLong();

    void add(Registry registry, String name, long n) {
      registry.counter(name).increment(n);
      total.addAndGet(n);
    }
  }
}
