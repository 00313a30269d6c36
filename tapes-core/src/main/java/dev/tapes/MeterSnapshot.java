package dev.tapes;

import java.util.Objects;

/** A {@link Meter}'s lifetime count and rates. */
public record MeterSnapshot(String name, long count, Rates rates) implements MetricSnapshot {

  public MeterSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rates, "rates");
    if (count < 0) {
      throw new IllegalArgumentException("meter '" + name + "' count is negative: " + count);
    }
  }

  @Override
  public MetricType type() {
    return MetricType.METER;
  }
}
