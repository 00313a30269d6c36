package dev.tapes.distributed;

import dev.tapes.Counter;
import dev.tapes.Gauge;
import dev.tapes.Histogram;
import dev.tapes.Meter;
import dev.tapes.Metric;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.Reservoir;
import dev.tapes.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of a {@link RegistryAggregator}: a read-only view whose {@link #snapshot()} is
 * the merged state of every proxy plus the aggregator's own metrics ({@code
 * tapes.aggregator.*}). Reporters read it like any registry.
 *
 * <p>It creates no metrics: the producer methods throw, because a metric recorded here would
 * clash with the cluster's metric of the same name. Record into a {@link DistributedRegistry}
 * (or a registry of your own) instead.
 */
final class AggregateRegistry extends Registry {

  private final ClusterState state;
  /** The aggregator's own counters and gauges; a plain registry on the same clock. */
  private final Registry own;

  AggregateRegistry(Registry.Builder settings, ClusterState state, Registry own) {
    super(settings);
    this.state = state;
    this.own = own;
  }

  @Override
  public RegistrySnapshot snapshot() {
    List<MetricSnapshot> metrics = new ArrayList<>(own.snapshot().metrics());
    metrics.addAll(state.view(getClock().nanoTime()));
    metrics.sort(Comparator.comparing(MetricSnapshot::name));
    return new RegistrySnapshot(metrics);
  }

  /** The aggregator's own metrics; the cluster's exist only as snapshots. */
  @Override
  public Map<String, Metric> getMetrics() {
    return own.getMetrics();
  }

  @Override
  public Timer timer(String name) {
    throw readOnly(name);
  }

  @Override
  public Timer timer(String name, Reservoir reservoir) {
    throw readOnly(name);
  }

  @Override
  public Meter meter(String name) {
    throw readOnly(name);
  }

  @Override
  public Counter counter(String name) {
    throw readOnly(name);
  }

  @Override
  public Histogram histogram(String name) {
    throw readOnly(name);
  }

  @Override
  public Histogram histogram(String name, Reservoir reservoir) {
    throw readOnly(name);
  }

  @Override
  public <T extends Number> Gauge<T> gauge(String name, Supplier<T> producer) {
    throw readOnly(name);
  }

  @Override
  public void close() {
    own.close();
    super.close();
  }

  private static UnsupportedOperationException readOnly(String name) {
    return new UnsupportedOperationException("cannot create metric '" + name
        + "' in an aggregator's registry: it is the merged view of its proxies; record into a "
        + "DistributedRegistry instead");
  }
}
