package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.SnapshotSource;
import java.util.Optional;

/** Reads single metrics out of a registry's snapshot, as a reporter would see them. */
final class Views {

  private Views() {}

  static Optional<MetricSnapshot> metric(SnapshotSource registry, String name) {
    return registry.snapshot().metrics().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  static <T extends MetricSnapshot> T metric(SnapshotSource registry, String name, Class<T> type) {
    return type.cast(metric(registry, name).orElseThrow(
        () -> new AssertionError("no metric " + name + " in " + registry.snapshot())));
  }

  /** A counter's value, 0 if absent. */
  static long counter(SnapshotSource registry, String name) {
    return metric(registry, name).map(m -> ((CounterSnapshot) m).count()).orElse(0L);
  }
}
