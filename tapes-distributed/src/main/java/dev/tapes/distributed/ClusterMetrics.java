package dev.tapes.distributed;

import dev.tapes.Clock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SnapshotSource;
import dev.tapes.exposition.StatsTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a {@link RegistryAggregator} reports: the merged state of every proxy, plus the
 * aggregator's own metrics ({@code tapes.aggregator.*}). A {@link SnapshotSource}, so every
 * reporter and writer reads it as it reads a registry; it creates no metrics, since one recorded
 * here would clash with the cluster's metric of the same name.
 *
 * <pre>{@code
 * new HttpReporter(8889, aggregator.registry()).start();
 * aggregator.registry().getStats(); // the cluster's stats tree
 * }</pre>
 */
public final class ClusterMetrics implements SnapshotSource {

  private final ClusterState state;
  /** The aggregator's own counters and gauges; a plain registry on the aggregator's clock. */
  private final Registry own;
  private final Clock clock;

  ClusterMetrics(ClusterState state, Registry own) {
    this.state = state;
    this.own = own;
    this.clock = own.getClock();
  }

  @Override
  public RegistrySnapshot snapshot() {
    List<MetricSnapshot> metrics = new ArrayList<>(own.snapshot().metrics());
    metrics.addAll(state.view(clock.nanoTime()));
    metrics.sort(Comparator.comparing(MetricSnapshot::name));
    return new RegistrySnapshot(metrics);
  }

  /** The merged metrics below {@code path}; the aggregator's own gauges only if they are there. */
  @Override
  public RegistrySnapshot snapshot(String path) {
    List<MetricSnapshot> metrics = new ArrayList<>(own.snapshot(path).metrics());
    metrics.addAll(new RegistrySnapshot(state.view(clock.nanoTime())).select(path).metrics());
    metrics.sort(Comparator.comparing(MetricSnapshot::name));
    return new RegistrySnapshot(metrics);
  }

  /** The cluster's stats tree, as {@link Registry#getStats()} gives a registry's. */
  public Map<String, Object> getStats() {
    return StatsTree.of(snapshot());
  }

  /** Stops the own registry's ticking. */
  void close() {
    own.close();
  }
}
