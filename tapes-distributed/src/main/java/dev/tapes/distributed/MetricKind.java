package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.SampleSnapshot;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;

/**
 * What must agree between processes for one metric name to merge: the metric type and, for
 * histograms and timers, the kind of window (an exact sketch merges only with sketches).
 */
enum MetricKind {
  COUNTER,
  GAUGE,
  METER,
  HISTOGRAM_SKETCH,
  HISTOGRAM_SAMPLE,
  TIMER_SKETCH,
  TIMER_SAMPLE;

  static MetricKind of(MetricSnapshot metric) {
    if (metric instanceof CounterSnapshot) {
      return COUNTER;
    } else if (metric instanceof GaugeSnapshot) {
      return GAUGE;
    } else if (metric instanceof MeterSnapshot) {
      return METER;
    } else if (metric instanceof HistogramSnapshot histogram) {
      return histogram.window() instanceof SketchSnapshot ? HISTOGRAM_SKETCH : HISTOGRAM_SAMPLE;
    }
    return ((TimerSnapshot) metric).window() instanceof SketchSnapshot ? TIMER_SKETCH
        : TIMER_SAMPLE;
  }

  /** The window of this kind that holds nothing. */
  Snapshot emptyWindow() {
    return this == HISTOGRAM_SAMPLE || this == TIMER_SAMPLE
        ? SampleSnapshot.of(new long[0], new double[0])
        : SketchSnapshot.empty();
  }

  String describe() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
