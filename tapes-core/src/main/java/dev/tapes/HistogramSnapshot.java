package dev.tapes;

import java.util.Objects;

/**
 * A {@link Histogram}'s lifetime count and sum, and the values of its window.
 *
 * @param count values ever recorded
 * @param sum their total
 * @param window the values of the recent window
 */
public record HistogramSnapshot(String name, long count, long sum, Snapshot window)
    implements DistributionSnapshot {

  public HistogramSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    if (count < 0) {
      throw new IllegalArgumentException("histogram '" + name + "' count is negative: " + count);
    }
  }

  @Override
  public MetricType type() {
    return MetricType.HISTOGRAM;
  }
}
