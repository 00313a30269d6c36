package dev.tapes.benchmarks;

import dev.tapes.Registry;
import dev.tapes.Timer;
import dev.tapes.distributed.DistributedRegistry;
import dev.tapes.distributed.RegistryAggregator;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Distributed mode as a user runs it, in one JVM: a {@link RegistryAggregator} on a free
 * loopback port and a {@link DistributedRegistry} connected to it, shipping its state every
 * second (the default) while the benchmark records; beside them a plain {@link Registry}, the
 * local baseline. Both exist in every trial, so the background work (the proxy's flusher, the
 * aggregator's receive loop, both heartbeats) is the same whichever timer is measured.
 */
@State(Scope.Benchmark)
public class DistributedState {

  RegistryAggregator aggregator;
  DistributedRegistry proxy;
  Registry local;
  Timer proxyTimer;
  Timer localTimer;

  @Setup
  public void setUp() {
    aggregator = RegistryAggregator.builder().endpoint("tcp://127.0.0.1:*").build();
    aggregator.start();
    proxy = DistributedRegistry.builder(aggregator.getEndpoint()).closeOnShutdown(false).build();
    proxyTimer = proxy.timer("bench.timer");
    proxy.connect();
    local = new Registry();
    localTimer = local.timer("bench.timer");
  }

  @TearDown
  public void tearDown() {
    proxy.close();
    aggregator.close();
    local.close();
  }
}
