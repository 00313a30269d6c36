package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.GaugeSnapshot;
import dev.tapes.Registry;
import dev.tapes.SnapshotSource;
import dev.tapes.testkit.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proxies and an aggregator in one JVM, talking over real 0MQ TCP sockets on loopback. */
class ZeroMqTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration NEVER = Duration.ofHours(1);

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void concurrentRecordingInSeveralProxiesAddsUpExactly() throws Exception {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));
    int threads = 4;
    int increments = 50_000;
    List<DistributedRegistry> proxies = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      DistributedRegistry proxy = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
          .flushInterval(Duration.ofMillis(50)).processName("proxy-" + p));
      proxy.connect();
      proxies.add(proxy);
    }
    List<Thread> workers = new ArrayList<>();
    for (DistributedRegistry proxy : proxies) {
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          for (int i = 0; i < increments; i++) {
            proxy.counter("work.done").increment();
            proxy.timer("work.time").update(i);
          }
        });
        worker.start();
        workers.add(worker);
      }
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long expected = 3L * threads * increments;

    ClusterMetrics view = aggregator.registry();
    Await.until(() -> Views.counter(view, "work.done") == expected, WAIT,
        () -> "work.done = " + Views.counter(view, "work.done") + ", expected " + expected);
    assertThat(Views.metric(view, "work.time", dev.tapes.TimerSnapshot.class).count())
        .isEqualTo(expected);
    assertThat(live(view)).isEqualTo(3);
  }

  @Test
  void closeShipsTheLastStateAndLeavesTheLiveProcesses() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));
    DistributedRegistry proxy = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
        .flushInterval(NEVER));
    proxy.connect();
    proxy.counter("c").increment(1);
    proxy.flush();
    ClusterMetrics view = aggregator.registry();
    Await.until(() -> live(view) == 1, WAIT, () -> "the proxy never showed up");

    proxy.counter("c").increment(41);
    proxy.close();

    Await.until(() -> Views.counter(view, "c") == 42 && live(view) == 0, WAIT,
        () -> "c = " + Views.counter(view, "c") + ", live = " + live(view));
  }

  @Test
  void withTheAggregatorDownAProxyHoldsOneStateAndCatchesUpWhenItReturns() throws IOException {
    String endpoint = "tcp://127.0.0.1:" + Ports.outsideEphemeralRange();
    DistributedRegistry proxy = proxy(DistributedRegistry.builder(endpoint)
        .flushInterval(NEVER).closeTimeout(Duration.ZERO));
    proxy.connect();
    for (int i = 0; i < 200; i++) {
      proxy.counter("c").increment(1);
      // Returns at once although nobody listens: one state waits, later ones are dropped.
      proxy.flush();
    }

    RegistryAggregator aggregator = started(RegistryAggregator.builder().endpoint(endpoint));
    ClusterMetrics view = aggregator.registry();
    Await.until(() -> frames(view) >= 1, WAIT, () -> "the waiting state never arrived");
    // Exactly one state was held during the outage (the first), not 200.
    assertThat(frames(view)).isEqualTo(1);
    assertThat(Views.counter(view, "c")).isEqualTo(1);

    proxy.counter("c").increment(1);
    Await.until(() -> {
      proxy.flush();
      return Views.counter(view, "c") == 201;
    }, WAIT, () -> "c = " + Views.counter(view, "c"));
  }

  @Test
  void aMalformedEndpointFailsAtConnectAndAnUnconnectedProxyCannotFlush() {
    DistributedRegistry malformed = proxy(DistributedRegistry.builder("tcp://no port here"));
    assertThatThrownBy(malformed::connect).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tcp://no port here");
    DistributedRegistry idle = proxy(DistributedRegistry.builder("tcp://127.0.0.1:9"));
    assertThatThrownBy(idle::flush).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not connected");
    idle.close();
    assertThatThrownBy(idle::connect).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    // Still a working registry after close: metrics keep counting locally.
    idle.counter("c").increment();
    assertThat(idle.counter("c").getCount()).isEqualTo(1);
  }

  private static long frames(SnapshotSource view) {
    return Views.counter(view, RegistryAggregator.FRAMES_ACCEPTED)
        + Views.counter(view, RegistryAggregator.FRAMES_STALE);
  }

  @Test
  void faultsInjectedOnTheRealSocketStillEndInExactTotals() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));
    ScriptedFaults faults = new ScriptedFaults(42, 0.3, 0.3, 0.3);
    DistributedRegistry proxy = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
        .flushInterval(NEVER).faults(faults));
    proxy.connect();
    ClusterMetrics view = aggregator.registry();
    long previous = 0;
    for (int i = 1; i <= 300; i++) {
      proxy.counter("c").increment(i);
      proxy.flush();
      long seen = Views.counter(view, "c");
      assertThat(seen).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(i * (i + 1L) / 2);
      previous = seen;
    }
    assertThat(faults.dropped + faults.repeated + faults.reordered).isGreaterThan(100);

    faults.disable();
    proxy.flush();
    long expected = 300L * 301 / 2;
    Await.until(() -> Views.counter(view, "c") == expected, WAIT,
        () -> "c = " + Views.counter(view, "c") + ", expected " + expected);
  }

  @Test
  void aGaugeIsSampledAtEachFlush() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));
    DistributedRegistry proxy = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
        .flushInterval(NEVER).processName("sampler"));
    AtomicInteger depth = new AtomicInteger(3);
    proxy.gauge("queue.depth", depth::get);
    proxy.connect();
    proxy.flush();
    ClusterMetrics view = aggregator.registry();
    Await.until(() -> gauge(view, "queue.depth") == 3, WAIT, () -> "no gauge");

    depth.set(9);
    proxy.flush();

    Await.until(() -> gauge(view, "tapes.process.sampler.queue.depth") == 9, WAIT,
        () -> "gauge = " + gauge(view, "tapes.process.sampler.queue.depth"));
  }

  static double gauge(SnapshotSource view, String name) {
    return Views.metric(view, name).map(m -> ((GaugeSnapshot) m).value()).orElse(Double.NaN);
  }

  static double live(SnapshotSource view) {
    return gauge(view, RegistryAggregator.PROCESSES_LIVE);
  }

  private RegistryAggregator started(RegistryAggregator.Builder builder) {
    RegistryAggregator aggregator = builder.build();
    opened.add(aggregator);
    aggregator.start();
    return aggregator;
  }

  private DistributedRegistry proxy(DistributedRegistry.Builder builder) {
    DistributedRegistry proxy = builder.closeOnShutdown(false).build();
    opened.add(proxy);
    return proxy;
  }
}
