package dev.tapes;

/**
 * What a registry does with each of its metrics, kept off their public API: read a snapshot,
 * and let time pass.
 */
abstract sealed class Instrument permits Counter, Gauge, Meter, Histogram, Timer {

  /** The dotted name the metric was created with. */
  final String name;

  Instrument(String name) {
    this.name = name;
  }

  final String name() {
    return name;
  }

  /** The metric's state at {@code nowNanos}, on its registry's clock. */
  abstract MetricSnapshot snapshot(long nowNanos);

  /**
   * Catches up with {@code nowNanos}: rates tick, windows rotate. Called by the heartbeat, never
   * by a recording thread. Most metrics have nothing to do.
   */
  void tick(long nowNanos) {}
}
