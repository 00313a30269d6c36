package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);

  @Test
  void theSameNameReturnsTheSameMetric() {
    assertThat(registry.timer("some.timer")).isSameAs(registry.timer("some.timer"));
    assertThat(registry.meter("some.meter")).isSameAs(registry.meter("some.meter"));
    assertThat(registry.counter("some.counter")).isSameAs(registry.counter("some.counter"));
    assertThat(registry.histogram("some.histogram")).isSameAs(registry.histogram("some.histogram"));
    Gauge<Integer> gauge = registry.gauge("some.gauge", () -> 1);
    assertThat(registry.gauge("some.gauge", () -> 2)).isSameAs(gauge);
    assertThat(gauge.getValue()).as("the first producer stays").isEqualTo(1);
  }

  @Test
  void separateRegistriesHoldSeparateMetrics() {
    Registry other = new Registry(clock);

    assertThat(registry.timer("some.name")).isNotSameAs(other.timer("some.name"));
  }

  @Test
  void concurrentCreationOfOneNameYieldsOneMetric() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Timer>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return registry.timer("contended.timer");
        }));
      }
      start.countDown();
      Set<Timer> distinct = ConcurrentHashMap.newKeySet();
      for (Future<Timer> future : futures) {
        distinct.add(future.get());
      }
      assertThat(distinct).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNameUsedByAnotherKindIsRefused() {
    registry.timer("orders.latency");

    assertThatThrownBy(() -> registry.meter("orders.latency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'orders.latency' is already a timer; it cannot also be a meter");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''            | must not be empty",
      ".a            | must not start or end with a dot",
      "a.            | must not start or end with a dot",
      "a..b          | empty segment",
      "'a b'         | whitespace",
      "'a\tb'        | whitespace",
  })
  void malformedNamesAreRefusedWithTheReason(String name, String reason) {
    assertThatThrownBy(() -> registry.counter(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name.isEmpty() ? "metric name" : "'" + name + "'")
        .hasMessageContaining(reason);
  }

  @Test
  void aNullNameIsRefused() {
    assertThatThrownBy(() -> registry.timer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("metric name");
  }

  @Test
  void aNameCannotBeBothAMetricAndABranch() {
    registry.counter("a.b");

    assertThatThrownBy(() -> registry.counter("a.b.c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.b.c' would nest under metric 'a.b'");

    registry.counter("x.y.z");
    assertThatThrownBy(() -> registry.timer("x.y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x.y' is already a branch of 'x.y.z'");
  }

  @Test
  void aDifferentReservoirForAnExistingHistogramIsRefused() {
    registry.histogram("sizes");

    assertThat(registry.histogram("sizes", Reservoir.slidingWindow()))
        .isSameAs(registry.histogram("sizes"));
    assertThatThrownBy(() -> registry.histogram("sizes", Reservoir.exponentiallyDecaying()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sizes' already exists with reservoir");
  }

  @Test
  void pastItsBoundARegistryHandsOutWorkingUnregisteredMetricsAndCountsThem() {
    Registry small = Registry.builder().clock(clock).maxMetrics(3).build();
    small.counter("a");
    small.counter("b");
    small.counter("c");

    Counter extra = small.counter("d");
    extra.increment(5);
    small.timer("e");

    assertThat(extra.getCount()).isEqualTo(5);
    assertThat(small.getMetrics()).containsOnlyKeys("a", "b", "c", Registry.REFUSED_METRIC);
    assertThat(small.counter(Registry.REFUSED_METRIC).getCount()).isEqualTo(2);
    assertThat(small.counter("d")).as("still not registered").isNotSameAs(extra);
  }

  @Test
  void badBuilderSettingsAreRefused() {
    assertThatThrownBy(() -> Registry.builder().maxMetrics(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMetrics");
    assertThatThrownBy(() -> Registry.builder().window(java.time.Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1s");
  }

  @Test
  void metricsAreListedInNameOrder() {
    registry.counter("b");
    registry.counter("a.z");
    registry.counter("a.c");

    assertThat(registry.getMetrics().keySet()).containsExactly("a.c", "a.z", "b");
    assertThat(registry.snapshot().metrics()).extracting(MetricSnapshot::name)
        .containsExactly("a.c", "a.z", "b");
  }

  @Test
  void theGlobalRegistryBacksTheStaticShortcuts() {
    Timer timer = Tapes.timer("registry.test.global.timer");

    assertThat(Tapes.registry().timer("registry.test.global.timer")).isSameAs(timer);
    assertThat(Tapes.getStats()).containsKey("registry");
  }
}
