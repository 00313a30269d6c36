package dev.tapes.distributed;

import dev.tapes.DistributionSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.MetricType;
import dev.tapes.SampleSnapshot;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import java.util.Locale;

/**
 * What must agree between processes for one metric name to merge: the metric type and, for
 * histograms and timers, the kind of window (an exact sketch merges only with sketches).
 *
 * @param sampled whether the window is a sampling reservoir's rather than the default sketch's
 */
record MergeKind(MetricType type, boolean sampled) {

  static MergeKind of(MetricSnapshot metric) {
    return new MergeKind(metric.type(), metric instanceof DistributionSnapshot distribution
        && distribution.window() instanceof SampleSnapshot);
  }

  /** Whether metrics of this kind have a window: histograms and timers. */
  boolean hasWindow() {
    return type == MetricType.HISTOGRAM || type == MetricType.TIMER;
  }

  /** The window of this kind that holds nothing. */
  Snapshot emptyWindow() {
    return sampled ? SampleSnapshot.of(new long[0], new double[0]) : SketchSnapshot.empty();
  }

  /** For messages: {@code timer (sketch)}. */
  String describe() {
    String name = type.displayName().toLowerCase(Locale.ROOT);
    return hasWindow() ? name + (sampled ? " (sample)" : " (sketch)") : name;
  }
}
