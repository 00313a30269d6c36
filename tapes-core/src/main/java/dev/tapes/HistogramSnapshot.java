package dev.tapes;

import java.util.Objects;

/**
 * A {@link Histogram}'s lifetime count and sum, and the values of its window.
 *
 * @param count values ever recorded
 * @param sum their total
 * @param window the values of the recent window
 * @param lifetime every value ever recorded, in buckets (what Prometheus and OTLP read); null for
 *     a sampling reservoir, which keeps none
 */
public record HistogramSnapshot(String name, long count, long sum, Snapshot window,
    SketchSnapshot lifetime)
    implements DistributionSnapshot {

  public HistogramSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    if (count < 0) {
      throw new IllegalArgumentException("histogram '" + name + "' count is negative: " + count);
    }
  }

  /** A histogram's state without lifetime buckets, as a sampling reservoir reports. */
  public HistogramSnapshot(String name, long count, long sum, Snapshot window) {
    this(name, count, sum, window, null);
  }

  @Override
  public MetricType type() {
    return MetricType.HISTOGRAM;
  }
}
