package dev.tapes.exposition;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;

/**
 * The leaf of one metric in the stats tree: its keys, in order, and what each holds. Written once
 * for {@code getStats()} ({@link StatsTree}), {@link JsonFormat} and {@link StatsdFormat}, which
 * differ only in how they write a field and in the unit of durations.
 *
 * <ul>
 *   <li>counter and gauge: {@code value};
 *   <li>meter: {@code count, m1, m5, m15} (events per second);
 *   <li>histogram: {@code count, min, max, mean, stddev, q50, q75, q95, q98, q99, q999};
 *   <li>timer: {@code count, m1, m5, m15}, then the histogram's statistics as durations.
 * </ul>
 */
final class StatsLeaf {

  /** The quantiles every format reports, in order. */
  static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  /** Their keys in the stats tree, JSON and StatsD. */
  static final String[] QUANTILE_KEYS = {"q50", "q75", "q95", "q98", "q99", "q999"};
  /** Their {@code quantile} label values in the Prometheus formats. */
  static final String[] QUANTILE_LABELS = {"0.5", "0.75", "0.95", "0.98", "0.99", "0.999"};

  static final double NANOS_PER_SECOND = 1e9;

  private StatsLeaf() {}

  /** Where a leaf's fields go. */
  interface Fields {

    /** An exact count (a counter's value, a count of events). */
    void integer(String key, long value);

    /** Any other number, possibly {@code NaN} (an empty window, a failed gauge). */
    void decimal(String key, double value);
  }

  /**
   * Emits the fields of {@code metric}'s leaf, in order.
   *
   * @param nanosPerDurationUnit what one unit of a timer's durations is, in nanoseconds: 1e9 for
   *     seconds
   */
  static void write(MetricSnapshot metric, double nanosPerDurationUnit, Fields fields) {
    switch (metric.type()) {
      case COUNTER -> fields.integer("value", ((CounterSnapshot) metric).count());
      case GAUGE -> fields.decimal("value", ((GaugeSnapshot) metric).value());
      case METER -> {
        MeterSnapshot meter = (MeterSnapshot) metric;
        fields.integer("count", meter.count());
        rates(meter.rates(), fields);
      }
      case HISTOGRAM -> {
        HistogramSnapshot histogram = (HistogramSnapshot) metric;
        fields.integer("count", histogram.count());
        distribution(histogram.window(), 1.0, fields);
      }
      case TIMER -> {
        TimerSnapshot timer = (TimerSnapshot) metric;
        fields.integer("count", timer.count());
        rates(timer.rates(), fields);
        distribution(timer.window(), nanosPerDurationUnit, fields);
      }
    }
  }

  private static void rates(Rates rates, Fields fields) {
    fields.decimal("m1", rates.oneMinuteRate());
    fields.decimal("m5", rates.fiveMinuteRate());
    fields.decimal("m15", rates.fifteenMinuteRate());
  }

  private static void distribution(Snapshot window, double unit, Fields fields) {
    fields.decimal("min", window.getMin() / unit);
    fields.decimal("max", window.getMax() / unit);
    fields.decimal("mean", window.getMean() / unit);
    fields.decimal("stddev", window.getStdDev() / unit);
    for (int i = 0; i < QUANTILES.length; i++) {
      fields.decimal(QUANTILE_KEYS[i], window.getQuantile(QUANTILES[i]) / unit);
    }
  }
}
