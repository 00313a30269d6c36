package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The subtree a path selects, from a snapshot and straight from a registry. */
class SelectionTest {

  private final RegistrySnapshot snapshot = new RegistrySnapshot(List.of(
      new CounterSnapshot("my.http", 0),
      new CounterSnapshot("my.http!", 1),
      new CounterSnapshot("my.httpd.x", 2),
      new CounterSnapshot("my.other", 3),
      new CounterSnapshot("your.http.a", 4),
      new CounterSnapshot("your.http.b.c", 5)));

  @Test
  void selectsEveryMetricBelowABranch() {
    assertThat(names(snapshot.select("your.http"))).containsExactly("your.http.a", "your.http.b.c");
    assertThat(names(snapshot.select("your"))).containsExactly("your.http.a", "your.http.b.c");
  }

  @Test
  void selectsAMetricByItsWholeNameButNotNamesThatMerelyStartTheSame() {
    assertThat(names(snapshot.select("my.http"))).containsExactly("my.http");
    assertThat(names(snapshot.select("my")))
        .containsExactly("my.http", "my.http!", "my.httpd.x", "my.other");
  }

  @Test
  void anEmptyPathSelectsEverythingAndAnUnknownOneNothing() {
    assertThat(snapshot.select("")).isSameAs(snapshot);
    assertThat(snapshot.select("my.ht").metrics()).isEmpty();
    assertThat(snapshot.select("your.http.b.c.d").metrics()).isEmpty();
    assertThat(RegistrySnapshot.empty().select("").metrics()).isEmpty();
  }

  @Test
  void aRegistrySelectsTheSameAsItsWholeSnapshotDoes() {
    Registry registry = new Registry(new ManualClock());
    for (MetricSnapshot metric : snapshot.metrics()) {
      registry.counter(metric.name()).increment(((CounterSnapshot) metric).count());
    }
    for (String path : List.of("", "my", "my.http", "my.httpd", "your.http", "my.ht", "zz")) {
      assertThat(registry.snapshot(path)).as(path).isEqualTo(registry.snapshot().select(path));
    }
  }

  @Test
  void aRegistryReadsOnlyTheGaugesOfTheSubtreeAsked() {
    Registry registry = new Registry(new ManualClock());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger outside = new AtomicInteger();
    registry.gauge("app.queue", inside::incrementAndGet);
    registry.gauge("other.queue", outside::incrementAndGet);

    assertThat(names(registry.snapshot("app"))).containsExactly("app.queue");
    assertThat(inside).hasValue(1);
    assertThat(outside).as("a gauge outside the subtree is not sampled").hasValue(0);
  }

  private static List<String> names(RegistrySnapshot selected) {
    return selected.metrics().stream().map(MetricSnapshot::name).toList();
  }
}
