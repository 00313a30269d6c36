package dev.tapes.cdi;

import dev.tapes.Counter;
import dev.tapes.Gauge;
import dev.tapes.Histogram;
import dev.tapes.Meter;
import dev.tapes.Metric;
import dev.tapes.Registry;
import dev.tapes.Timer;

/** The kinds of metric that can be injected or bound to methods, and how to get one by name. */
enum MetricKind {
  TIMER(Timer.class),
  METER(Meter.class),
  COUNTER(Counter.class),
  HISTOGRAM(Histogram.class);

  private final Class<? extends Metric> type;

  MetricKind(Class<? extends Metric> type) {
    this.type = type;
  }

  /**
   * The kind whose class has the binary name {@code typeName}, or null if that type cannot be
   * injected. A name, not a {@code Class}, so that build-time models can ask too.
   */
  static MetricKind ofTypeName(String typeName) {
    for (MetricKind kind : values()) {
      if (kind.type.getName().equals(typeName)) {
        return kind;
      }
    }
    return null;
  }

  /** Whether {@code typeName} is one of the core's metric types (injectable or not). */
  static boolean isMetricTypeName(String typeName) {
    return typeName.startsWith("dev.tapes.") && (ofTypeName(typeName) != null
        || typeName.equals(Metric.class.getName()) || typeName.equals(Gauge.class.getName()));
  }

  /** Creates or returns the metric {@code name} of this kind in {@code registry}. */
  Metric getOrCreate(Registry registry, String name) {
    switch (this) {
      case TIMER:
        return registry.timer(name);
      case METER:
        return registry.meter(name);
      case COUNTER:
        return registry.counter(name);
      default:
        return registry.histogram(name);
    }
  }

  @Override
  public String toString() {
    return type.getSimpleName();
  }
}
