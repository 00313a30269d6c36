package dev.tapes;

/**
 * The snapshot of a metric that records a distribution: a {@link HistogramSnapshot} (values in
 * the histogram's own unit) or a {@link TimerSnapshot} (nanoseconds).
 */
public sealed interface DistributionSnapshot extends MetricSnapshot
    permits HistogramSnapshot, TimerSnapshot {

  /** How many values were ever recorded. */
  long count();

  /** The values of the recent window. */
  Snapshot window();

  /** Every value ever recorded, in buckets; null for a sampling reservoir, which keeps none. */
  SketchSnapshot lifetime();
}
