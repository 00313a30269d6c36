package dev.tapes;

/**
 * Anything whose metrics can be reported: what every writer, reporter and endpoint reads. A
 * {@link Registry} is one; the merged view of a distributed aggregator is another.
 *
 * <pre>{@code
 * SnapshotSource source = registry;
 * PrometheusTextFormat.write(source.snapshot(), out);
 * }</pre>
 */
@FunctionalInterface
public interface SnapshotSource {

  /** Every metric's state at this moment, sorted by name. */
  RegistrySnapshot snapshot();

  /**
   * The metrics named {@code path} or below it ({@code path.*}), at this moment, sorted by name;
   * every metric for an empty path; an empty snapshot if none matches. A source should read only
   * those metrics (a registry samples only the gauges below the path); this default selects
   * from the whole snapshot.
   */
  default RegistrySnapshot snapshot(String path) {
    return snapshot().select(path);
  }
}
