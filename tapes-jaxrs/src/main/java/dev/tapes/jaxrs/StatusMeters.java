package dev.tapes.jaxrs;

import dev.tapes.Meter;
import dev.tapes.Registry;

/**
 * One meter per HTTP status class, {@code <prefix>.1xx} … {@code <prefix>.5xx}, created up front
 * so that counting a response is an array index and a {@code LongAdder} add.
 */
final class StatusMeters {

  /** Index = status / 100; slot 0 unused. */
  private final Meter[] byClass = new Meter[6];

  StatusMeters(Registry registry, String prefix) {
    for (int statusClass = 1; statusClass <= 5; statusClass++) {
      byClass[statusClass] = registry.meter(prefix + "." + statusClass + "xx");
    }
  }

  /** Counts a response; a status outside 100–599, which HTTP does not define, is not counted. */
  void mark(int status) {
    int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5) {
      byClass[statusClass].mark();
    }
  }
}
