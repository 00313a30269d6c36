package dev.tapes;

/**
 * The five kinds of metric: the one notion of "what kind of metric is this" that the snapshot
 * model, every format, the wire format and the integrations share.
 *
 * <pre>{@code
 * for (MetricSnapshot metric : registry.snapshot().metrics()) {
 *   if (metric.type() == MetricType.TIMER) { ... }
 * }
 * }</pre>
 */
public enum MetricType {
  COUNTER("Counter", Counter.class),
  GAUGE("Gauge", Gauge.class),
  METER("Meter", Meter.class),
  HISTOGRAM("Histogram", Histogram.class),
  TIMER("Timer", Timer.class);

  private final String displayName;
  private final Class<? extends Metric> metricClass;

  MetricType(String displayName, Class<? extends Metric> metricClass) {
    this.displayName = displayName;
    this.metricClass = metricClass;
  }

  /** The type as a person reads it in messages and help texts: {@code Timer}. */
  public String displayName() {
    return displayName;
  }

  /** The class of the live metric: {@code Timer.class}. */
  public Class<? extends Metric> metricClass() {
    return metricClass;
  }

  /**
   * The type whose metric class has the binary name {@code className}, or null: a name, not a
   * {@code Class}, so that build-time models of classes can ask too.
   */
  public static MetricType ofMetricClass(String className) {
    for (MetricType type : values()) {
      if (type.metricClass.getName().equals(className)) {
        return type;
      }
    }
    return null;
  }

  /** The type of the live metric {@code metric}. */
  public static MetricType of(Metric metric) {
    for (MetricType type : values()) {
      if (type.metricClass.isInstance(metric)) {
        return type;
      }
    }
    throw new AssertionError("a metric of no known type: " + metric);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
