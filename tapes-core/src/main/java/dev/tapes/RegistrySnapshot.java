package dev.tapes;

import java.util.List;
import java.util.Objects;

/**
 * Every metric of a registry at one moment, sorted by name, so that every output made from it
 * is deterministic.
 */
public record RegistrySnapshot(List<MetricSnapshot> metrics) {

  public RegistrySnapshot {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
    for (int i = 1; i < metrics.size(); i++) {
      String previous = metrics.get(i - 1).name();
      String name = metrics.get(i).name();
      if (previous.compareTo(name) >= 0) {
        throw new IllegalArgumentException("metrics must be sorted by unique name: '" + previous
            + "' then '" + name + "'");
      }
    }
  }

  /** The snapshot of a registry with no metrics. */
  public static RegistrySnapshot empty() {
    return new RegistrySnapshot(List.of());
  }

  /** The {@code getStats()} tree of this snapshot: nested maps split on the dots of names. */
  public java.util.Map<String, Object> toStats() {
    return StatsTree.of(this);
  }
}
