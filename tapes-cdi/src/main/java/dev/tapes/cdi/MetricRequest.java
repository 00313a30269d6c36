package dev.tapes.cdi;

import dev.tapes.Metric;
import dev.tapes.Registry;

/**
 * One metric to create or look up: its kind and its fully expanded name, and the site that
 * asked, for messages.
 */
record MetricRequest(MetricKind kind, String name, Site site, String key) {

  /**
   * Creates or returns the metric in {@code registry}.
   *
   * @throws IllegalArgumentException naming the site and key when the registry refuses the name
   *     (malformed, used by another kind of metric, both a metric and a parent of another)
   */
  Metric getOrCreate(Registry registry) {
    try {
      return kind.getOrCreate(registry, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(site + ", " + key + ": cannot create " + kind + " '"
          + name + "': " + e.getMessage(), e);
    }
  }
}
