package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;

/**
 * The part of a metric that adds up across processes and outlives them: its count (a counter's
 * value) and, for histograms and timers, its sum and lifetime buckets. Everything else (rates,
 * windows, gauges) only counts while a process is live.
 *
 * @param lifetime the lifetime buckets; null for other types and for sampling reservoirs
 */
record Totals(MergeKind kind, long count, long sum, SketchSnapshot lifetime) {

  /** Nothing yet, of {@code kind}. */
  static Totals zero(MergeKind kind) {
    return new Totals(kind, 0, 0, kind.hasWindow() && !kind.sampled() ? SketchSnapshot.empty()
        : null);
  }

  /** The totals of {@code metric}; null for a gauge, which has none. */
  static Totals of(MetricSnapshot metric) {
    MergeKind kind = MergeKind.of(metric);
    return switch (metric.type()) {
      case COUNTER -> new Totals(kind, ((CounterSnapshot) metric).count(), 0, null);
      case METER -> new Totals(kind, ((MeterSnapshot) metric).count(), 0, null);
      case HISTOGRAM -> {
        HistogramSnapshot histogram = (HistogramSnapshot) metric;
        yield new Totals(kind, histogram.count(), histogram.sum(), histogram.lifetime());
      }
      case TIMER -> {
        TimerSnapshot timer = (TimerSnapshot) metric;
        yield new Totals(kind, timer.count(), timer.sumNanos(), timer.lifetime());
      }
      case GAUGE -> null;
    };
  }

  /** A meter's or timer's rates; null for the rest. */
  static Rates ratesOf(MetricSnapshot metric) {
    return switch (metric.type()) {
      case METER -> ((MeterSnapshot) metric).rates();
      case TIMER -> ((TimerSnapshot) metric).rates();
      default -> null;
    };
  }

  /**
   * Both totals added: counts saturate (a total that wrapped would read as a reset), lifetime
   * buckets merge exactly.
   */
  Totals plus(Totals other) {
    SketchSnapshot buckets = lifetime == null ? other.lifetime
        : other.lifetime == null ? lifetime : lifetime.merge(other.lifetime);
    return new Totals(kind, addSaturated(count, other.count), sum + other.sum, buckets);
  }

  /** These totals as the snapshot of {@code name}, with no rates and an empty window. */
  MetricSnapshot toSnapshot(String name) {
    return toSnapshot(name, Rates.ZERO, kind.hasWindow() ? kind.emptyWindow() : null);
  }

  /** These totals as the snapshot of {@code name}, with the merged rates and window. */
  MetricSnapshot toSnapshot(String name, Rates rates, Snapshot window) {
    long events = Math.max(0, count);
    return switch (kind.type()) {
      case COUNTER -> new CounterSnapshot(name, count);
      case METER -> new MeterSnapshot(name, events, rates);
      case HISTOGRAM -> new HistogramSnapshot(name, events, sum, window, lifetime);
      case TIMER -> new TimerSnapshot(name, events, sum, rates, window, lifetime);
      case GAUGE -> throw new IllegalStateException("a gauge has no totals: " + name);
    };
  }

  static long addSaturated(long a, long b) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return result;
  }
}
