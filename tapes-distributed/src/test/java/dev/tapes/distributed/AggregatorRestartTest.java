package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.HistogramSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a state file, an aggregator restart loses no history. (The hard-kill case, {@code kill
 * -9} of an aggregator JVM, is in {@code DistributedIT}.)
 */
class AggregatorRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration NEVER = Duration.ofHours(1);

  @TempDir
  Path directory;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aRestartedAggregatorKeepsTheTotalsOfClosedAndLiveProxies() throws IOException {
    Path state = directory.resolve("aggregator.state");
    String endpoint = "tcp://127.0.0.1:" + Ports.outsideEphemeralRange();
    RegistryAggregator first = started(endpoint, state);
    DistributedRegistry closed = proxy(endpoint);
    DistributedRegistry live = proxy(endpoint);
    closed.counter("orders").increment(100);
    closed.histogram("sizes").update(10);
    live.counter("orders").increment(20);
    live.histogram("sizes").update(20);
    closed.flush();
    live.flush();
    closed.close();
    Await.until(() -> Views.counter(first.registry(), "orders") == 120, WAIT,
        () -> "not reported: " + first.registry().snapshot());
    first.stop();

    RegistryAggregator second = RegistryAggregator.builder().endpoint(endpoint)
        .stateFile(state).build();
    opened.add(second);
    // Before start, the view already holds the saved totals: no scrape ever sees a reset.
    assertThat(Views.counter(second.registry(), "orders")).isEqualTo(120);
    second.start();
    live.counter("orders").increment(3);
    live.histogram("sizes").update(30);
    live.flush();

    ClusterMetrics view = second.registry();
    Await.until(() -> Views.counter(view, "orders") == 123, WAIT,
        () -> "orders = " + Views.counter(view, "orders"));
    HistogramSnapshot sizes = Views.metric(view, "sizes", HistogramSnapshot.class);
    assertThat(sizes.count()).isEqualTo(3);
    assertThat(sizes.sum()).isEqualTo(60);
  }

  @Test
  void aClosingProxyIsSavedAtOnceSoACrashRightAfterLosesNothing() throws IOException {
    Path state = directory.resolve("aggregator.state");
    RegistryAggregator aggregator = RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*").stateFile(state).saveInterval(NEVER).build();
    opened.add(aggregator);
    aggregator.start();
    DistributedRegistry proxy = proxy(aggregator.getEndpoint());
    proxy.meter("events").mark(77);
    proxy.close();
    ClusterMetrics view = aggregator.registry();
    Await.until(() -> Views.counter(view, RegistryAggregator.STATE_SAVES) >= 1, WAIT,
        () -> "the last state of a closing proxy was not saved: " + view.snapshot());

    // What a restart after a crash at this moment would read (the running one is not stopped).
    RegistryAggregator reader = RegistryAggregator.builder().stateFile(state).build();
    assertThat(Views.metric(reader.registry(), "events", dev.tapes.MeterSnapshot.class).count())
        .isEqualTo(77);
  }

  @Test
  void retiredTotalsAndTombstonesSurviveARestart() {
    Path state = directory.resolve("aggregator.state");
    ManualClock clock = new ManualClock();
    RegistryAggregator first = RegistryAggregator.builder().clock(clock).stateFile(state)
        .build();
    DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:1").clock(clock)
        .build();
    proxy.counter("c").increment(5);
    byte[] early = proxy.nextFrame(false);
    first.accept(proxy.nextFrame(true));
    clock.advance(Duration.ofMinutes(1));
    first.housekeep();
    assertThat(first.save()).isTrue();

    RegistryAggregator second = RegistryAggregator.builder().clock(clock).stateFile(state)
        .build();
    second.accept(early);

    assertThat(Views.counter(second.registry(), "c")).isEqualTo(5);
    assertThat(Views.counter(second.registry(), RegistryAggregator.FRAMES_STALE)).isEqualTo(1);
  }

  @Test
  void anUnreadableStateFileIsMovedAsideAndTheAggregatorStartsEmpty() throws IOException {
    Path state = directory.resolve("aggregator.state");
    Files.write(state, new byte[] {'T', 'P', 'D', 1, 2, 0, 0, 0, 0});

    RegistryAggregator aggregator = RegistryAggregator.builder().stateFile(state).build();

    assertThat(Views.metric(aggregator.registry(), "c")).isEmpty();
    assertThat(Files.exists(state)).isFalse();
    try (var files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("aggregator.state.corrupt-"));
    }
  }

  @Test
  void savingReplacesTheFileWithoutLeavingTemporaries() throws IOException {
    Path state = directory.resolve("aggregator.state");
    ManualClock clock = new ManualClock();
    RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock).stateFile(state)
        .build();
    DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:1").clock(clock)
        .build();
    for (int i = 0; i < 5; i++) {
      proxy.counter("c").increment(1);
      aggregator.accept(proxy.nextFrame(false));
      assertThat(aggregator.save()).isTrue();
    }

    try (var files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("aggregator.state");
    }
    RegistryAggregator reader = RegistryAggregator.builder().stateFile(state).build();
    assertThat(Views.counter(reader.registry(), "c")).isEqualTo(5);
  }

  private RegistryAggregator started(String endpoint, Path state) {
    RegistryAggregator aggregator = RegistryAggregator.builder().endpoint(endpoint)
        .stateFile(state).build();
    opened.add(aggregator);
    aggregator.start();
    return aggregator;
  }

  private DistributedRegistry proxy(String endpoint) {
    DistributedRegistry proxy = DistributedRegistry.builder(endpoint).flushInterval(NEVER)
        .closeOnShutdown(false).build();
    opened.add(proxy);
    proxy.connect();
    return proxy;
  }
}
