package dev.tapes;

import java.util.Objects;

/**
 * A {@link Timer}'s lifetime count and total time, its rates and the durations of its window.
 *
 * @param count calls ever recorded
 * @param sumNanos their total duration in nanoseconds
 * @param rates calls per second
 * @param window the durations of the recent window, in nanoseconds
 */
public record TimerSnapshot(String name, long count, long sumNanos, Rates rates, Snapshot window)
    implements DistributionSnapshot {

  public TimerSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(window, "window");
    if (count < 0) {
      throw new IllegalArgumentException("timer '" + name + "' count is negative: " + count);
    }
  }

  @Override
  public MetricType type() {
    return MetricType.TIMER;
  }
}
