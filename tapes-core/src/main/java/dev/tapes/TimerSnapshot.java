package dev.tapes;

import java.util.Objects;

/**
 * A {@link Timer}'s lifetime count and total time, its rates and the durations of its window.
 *
 * @param count calls ever recorded
 * @param sumNanos their total duration in nanoseconds
 * @param rates calls per second
 * @param window the durations of the recent window, in nanoseconds
 * @param lifetime every duration ever recorded, in buckets of seconds (what Prometheus and OTLP
 *     read); null for a sampling reservoir, which keeps none
 */
public record TimerSnapshot(String name, long count, long sumNanos, Rates rates, Snapshot window,
    SketchSnapshot lifetime)
    implements DistributionSnapshot {

  public TimerSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(window, "window");
    if (count < 0) {
      throw new IllegalArgumentException("timer '" + name + "' count is negative: " + count);
    }
  }

  /** A timer's state without lifetime buckets, as a sampling reservoir reports. */
  public TimerSnapshot(String name, long count, long sumNanos, Rates rates, Snapshot window) {
    this(name, count, sumNanos, rates, window, null);
  }

  @Override
  public MetricType type() {
    return MetricType.TIMER;
  }
}
