package dev.tapes;

/**
 * The immutable state of one metric at one moment: what every writer, reporter and transport
 * works from, never the live metric.
 */
public sealed interface MetricSnapshot
    permits CounterSnapshot, GaugeSnapshot, MeterSnapshot, HistogramSnapshot, TimerSnapshot {

  /** The metric's dotted name. */
  String name();
}
