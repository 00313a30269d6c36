package dev.tapes;

/**
 * An immutable view of the values a histogram or timer holds at one moment: its window.
 *
 * <p>Timers' snapshots are in nanoseconds. Every statistic of an empty snapshot is
 * {@link Double#NaN}, never a made-up zero.
 *
 * <p>Quantiles follow the "lower" rank rule: {@code getQuantile(q)} estimates the value at
 * 0-based rank {@code floor(q * (size() - 1))} of the sorted values, so {@code getQuantile(0)}
 * is the minimum and {@code getQuantile(1)} the maximum.
 */
public sealed interface Snapshot permits SketchSnapshot, SampleSnapshot {

  /**
   * The value at quantile {@code quantile} of the window, {@code NaN} if it is empty.
   *
   * @throws IllegalArgumentException if {@code quantile} is not within [0, 1]
   */
  double getQuantile(double quantile);

  /** The smallest value in the window, {@code NaN} if it is empty. */
  double getMin();

  /** The largest value in the window, {@code NaN} if it is empty. */
  double getMax();

  /** The arithmetic mean of the window, {@code NaN} if it is empty. */
  double getMean();

  /** The population standard deviation of the window, {@code NaN} if it is empty. */
  double getStdDev();

  /** How many values the window holds (for a sampling reservoir: how many samples). */
  long size();

  /**
   * The snapshot of both windows' data together. For the default sketch this is exact:
   * {@code a.merge(b)} equals the snapshot of every value recorded into {@code a} and {@code b}.
   *
   * @throws IllegalArgumentException if {@code other} comes from a different kind of reservoir
   */
  Snapshot merge(Snapshot other);

  static void checkQuantile(double quantile) {
    if (!(quantile >= 0.0 && quantile <= 1.0)) {
      throw new IllegalArgumentException("quantile must be within [0, 1], was " + quantile);
    }
  }
}
