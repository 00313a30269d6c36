package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;

/**
 * The arithmetic of merging snapshots across processes: which parts of a metric are totals,
 * how totals add, and reading a metric's parts whatever its type.
 */
final class MetricTotals {

  private MetricTotals() {}

  /** The part of a metric that outlives its instance: its counts; null for a gauge. */
  static MetricSnapshot countsOnly(MetricSnapshot metric) {
    MetricKind kind = MetricKind.of(metric);
    if (metric instanceof CounterSnapshot) {
      return metric;
    } else if (metric instanceof MeterSnapshot meter) {
      return new MeterSnapshot(meter.name(), meter.count(), Rates.ZERO);
    } else if (metric instanceof HistogramSnapshot histogram) {
      return new HistogramSnapshot(histogram.name(), histogram.count(), histogram.sum(),
          kind.emptyWindow());
    } else if (metric instanceof TimerSnapshot timer) {
      return new TimerSnapshot(timer.name(), timer.count(), timer.sumNanos(), Rates.ZERO,
          kind.emptyWindow());
    }
    return null;
  }

  /** Two totals of one name and kind added: counts saturating, sums wrapping. */
  static MetricSnapshot add(MetricSnapshot a, MetricSnapshot b) {
    long count = addSaturated(countOf(a), countOf(b));
    long total = sumOf(a) + sumOf(b);
    if (a instanceof CounterSnapshot) {
      return new CounterSnapshot(a.name(), count);
    } else if (a instanceof MeterSnapshot) {
      return new MeterSnapshot(a.name(), Math.max(0, count), Rates.ZERO);
    } else if (a instanceof HistogramSnapshot histogram) {
      return new HistogramSnapshot(a.name(), Math.max(0, count), total, histogram.window());
    }
    TimerSnapshot timer = (TimerSnapshot) a;
    return new TimerSnapshot(a.name(), Math.max(0, count), total, Rates.ZERO, timer.window());
  }

  /** A counter's value or a meter's, histogram's or timer's count; 0 for a gauge. */
  static long countOf(MetricSnapshot metric) {
    if (metric instanceof CounterSnapshot counter) {
      return counter.count();
    } else if (metric instanceof MeterSnapshot meter) {
      return meter.count();
    } else if (metric instanceof HistogramSnapshot histogram) {
      return histogram.count();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.count();
    }
    return 0;
  }

  /** A histogram's sum or a timer's total nanoseconds; 0 for the rest. */
  static long sumOf(MetricSnapshot metric) {
    if (metric instanceof HistogramSnapshot histogram) {
      return histogram.sum();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.sumNanos();
    }
    return 0;
  }

  /** A meter's or timer's rates; null for the rest. */
  static Rates ratesOf(MetricSnapshot metric) {
    if (metric instanceof MeterSnapshot meter) {
      return meter.rates();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.rates();
    }
    return null;
  }

  /** A histogram's or timer's window. */
  static Snapshot windowOf(MetricSnapshot metric) {
    return metric instanceof HistogramSnapshot histogram ? histogram.window()
        : ((TimerSnapshot) metric).window();
  }

  /** Counts saturate rather than wrap: a total that wrapped negative would read as a reset. */
  static long addSaturated(long a, long b) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return result;
  }
}
