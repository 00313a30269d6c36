package dev.tapes;

/** A metric held by a {@link Registry}: one of its five kinds, named by {@link MetricType}. */
public sealed interface Metric permits Counter, Gauge, Meter, Histogram, Timer {

  /** The dotted name the metric was created with. */
  String getName();
}
