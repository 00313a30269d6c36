package dev.tapes.cdi;

import dev.tapes.MetricType;
import dev.tapes.Metric;
import dev.tapes.Registry;

/**
 * One metric to create or look up: its kind and its fully expanded name, and the site that
 * asked, for messages.
 */
record MetricRequest(MetricType kind, String name, Site site, String key) {

  /**
   * Creates or returns the metric in {@code registry}.
   *
   * @throws IllegalArgumentException naming the site and key when the registry refuses the name
   *     (malformed, used by another kind of metric, both a metric and a parent of another)
   */
  Metric getOrCreate(Registry registry) {
    try {
      return switch (kind) {
        case TIMER -> registry.timer(name);
        case METER -> registry.meter(name);
        case COUNTER -> registry.counter(name);
        case HISTOGRAM -> registry.histogram(name);
        case GAUGE -> throw new IllegalArgumentException("a gauge is registered with a supplier,"
            + " not created by name");
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(site + ", " + key + ": cannot create " + kind + " '"
          + name + "': " + e.getMessage(), e);
    }
  }
}
