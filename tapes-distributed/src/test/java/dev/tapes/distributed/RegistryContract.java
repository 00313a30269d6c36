package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tapes.ManualClock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Registry} does, run against the plain registry and the distributed proxy
 * alike: a proxy is a registry, with nothing to unlearn.
 */
abstract class RegistryContract {

  protected final ManualClock clock = new ManualClock();
  private final List<Registry> created = new ArrayList<>();

  /** A registry of the kind under test, on {@code clock}. */
  protected abstract Registry create(ManualClock clock);

  protected Registry registry() {
    Registry registry = create(clock);
    created.add(registry);
    return registry;
  }

  @AfterEach
  void closeRegistries() {
    created.forEach(Registry::close);
  }

  @Test
  void theSameNameGivesTheSameMetric() {
    Registry registry = registry();
    assertThat(registry.timer("a.t")).isSameAs(registry.timer("a.t"));
    assertThat(registry.counter("a.c")).isSameAs(registry.counter("a.c"));
    assertThat(registry.meter("a.m")).isSameAs(registry.meter("a.m"));
    assertThat(registry.histogram("a.h")).isSameAs(registry.histogram("a.h"));
  }

  @Test
  void aNameCannotChangeTypeNorBeBothLeafAndBranch() {
    Registry registry = registry();
    registry.counter("x.y");
    assertThatThrownBy(() -> registry.meter("x.y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.counter("x.y.z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.counter("x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.counter("a..b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statsNestOnTheDotsWithTheSeedsKeys() {
    Registry registry = registry();
    registry.counter("my.jobs").increment(3);
    registry.meter("my.http.errors").mark(2);
    registry.gauge("my.queue", () -> 7);
    registry.histogram("my.sizes").update(10);

    Map<String, Object> stats = registry.getStats();

    assertThat(stats).containsOnlyKeys("my");
    @SuppressWarnings("unchecked")
    Map<String, Object> my = (Map<String, Object>) stats.get("my");
    assertThat(my).containsOnlyKeys("jobs", "http", "queue", "sizes");
    assertThat(my.get("jobs")).isEqualTo(Map.of("value", 3L));
    assertThat(my.get("queue")).isEqualTo(Map.of("value", 7.0));
    @SuppressWarnings("unchecked")
    Map<String, Object> http = (Map<String, Object>) my.get("http");
    @SuppressWarnings("unchecked")
    Map<String, Object> errors = (Map<String, Object>) http.get("errors");
    assertThat(errors).containsEntry("count", 2L).containsKeys("m1", "m5", "m15");
    @SuppressWarnings("unchecked")
    Map<String, Object> sizes = (Map<String, Object>) my.get("sizes");
    assertThat(sizes).containsEntry("count", 1L)
        .containsKeys("min", "max", "mean", "stddev", "q50", "q75", "q95", "q98", "q99", "q999");
  }

  @Test
  void snapshotsAreSortedByName() {
    Registry registry = registry();
    registry.counter("b");
    registry.counter("a.z");
    registry.counter("a.b");

    assertThat(registry.snapshot().metrics()).extracting(MetricSnapshot::name)
        .containsExactly("a.b", "a.z", "b");
  }

  @Test
  void ratesFollowTheClockExactlyAsTheSeed() {
    Registry registry = registry();
    registry.meter("jobs").mark(3);
    clock.advance(Duration.ofSeconds(65));

    assertThat(registry.meter("jobs").getOneMinuteRate()).isCloseTo(0.22072766, within(1e-8));
  }

  @Test
  void concurrentIncrementsAllCount() throws InterruptedException {
    Registry registry = registry();
    int threads = 4;
    int increments = 25_000;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        for (int i = 0; i < increments; i++) {
          registry.counter("c").increment();
          registry.timer("t").update(i);
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(registry.counter("c").getCount()).isEqualTo((long) threads * increments);
    assertThat(registry.timer("t").getCount()).isEqualTo((long) threads * increments);
  }
}
