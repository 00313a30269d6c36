package dev.tapes;

import java.util.Objects;

/** A {@link Counter}'s count, which may be negative. */
public record CounterSnapshot(String name, long count) implements MetricSnapshot {

  public CounterSnapshot {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public MetricType type() {
    return MetricType.COUNTER;
  }
}
