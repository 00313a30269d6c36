package dev.tapes.exposition;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.MeterSnapshot;
import dev.tapes.Rates;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SampleSnapshot;
import dev.tapes.TimerSnapshot;
import java.time.Duration;
import java.util.List;

/** Snapshots for exposition tests: hand-built for golden output, and a real, rich registry. */
final class Fixtures {

  private Fixtures() {}

  /** One metric of each kind, with round numbers, built by hand. */
  static RegistrySnapshot handBuilt() {
    return new RegistrySnapshot(List.of(
        new CounterSnapshot("jobs.inFlight", -3),
        new GaugeSnapshot("jobs.queueSize", 2.5),
        new TimerSnapshot("my.http.endpoints.WidgetResource.latency", 2, 3_000_000_000L,
            new Rates(0.5, 0.25, 0.125, 0.0625),
            SampleSnapshot.of(new long[] {1_000_000_000L, 2_000_000_000L}, new double[] {1, 1})),
        new HistogramSnapshot("payload.bytes", 3, 600,
            SampleSnapshot.of(new long[] {100, 200, 300}, new double[] {1, 1, 1})),
        new MeterSnapshot("requests", 42, new Rates(0.7, 0.5, 0.25, 0.125))));
  }

  /**
   * A real registry on a manual clock with every kind of metric, odd names (camel case,
   * acronyms, dashes, quotes, backslashes, non-ASCII, leading digits), empty windows (NaN),
   * huge and negative values, and a gauge that fails.
   */
  static Registry richRegistry() {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    registry.timer("my.http.endpoints.WidgetResource.latency").update(Duration.ofMillis(20));
    registry.timer("my.http.endpoints.WidgetResource.latency").update(Duration.ofMillis(35));
    registry.timer("my.http.endpoints.HTTPServer.idle");
    registry.timer("db.query-time").update(Duration.ofDays(400));
    registry.meter("my.http.endpoints.WidgetResource.error_rate").mark(3);
    registry.meter("jobs.done.total").mark(Long.MAX_VALUE / 4);
    registry.meter("quiet");
    registry.counter("jobs.inFlight").decrement(12);
    registry.counter("2xx.responses").increment(Long.MAX_VALUE);
    registry.counter("sessions.total").increment();
    registry.histogram("payload.bytes").update(512);
    registry.histogram("payload.bytes").update(1L << 40);
    registry.histogram("temperature.delta").update(-40);
    registry.histogram("temperature.delta").update(-3);
    registry.histogram("nothing.yet");
    registry.gauge("pool.free", () -> 7);
    registry.gauge("pool.ratio", () -> 1e-12);
    registry.gauge("pool.huge", () -> Double.MAX_VALUE);
    registry.gauge("pool.infinite", () -> Double.NEGATIVE_INFINITY);
    registry.gauge("pool.broken", () -> {
      throw new IllegalStateException("broken on purpose");
    });
    registry.gauge("odd.\"quoted\\name\"", () -> 1);
    registry.gauge("odd.café", () -> 2);
    registry.gauge("odd.x:y", () -> 3);
    clock.advance(Duration.ofSeconds(6));
    return registry;
  }
}
