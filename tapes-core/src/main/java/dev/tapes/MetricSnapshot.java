package dev.tapes;

/**
 * The immutable state of one metric at one moment: what every writer, reporter and transport
 * works from, never the live metric.
 */
public sealed interface MetricSnapshot permits CounterSnapshot, GaugeSnapshot, MeterSnapshot,
    DistributionSnapshot {

  /** The metric's dotted name. */
  String name();

  /** The kind of metric this is the state of. */
  MetricType type();
}
