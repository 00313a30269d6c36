package dev.tapes;

import java.util.Objects;

/** A {@link Gauge}'s value; {@code NaN} when its producer failed or returned null. */
public record GaugeSnapshot(String name, double value) implements MetricSnapshot {

  public GaugeSnapshot {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public MetricType type() {
    return MetricType.GAUGE;
  }
}
