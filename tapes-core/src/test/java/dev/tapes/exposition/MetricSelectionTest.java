package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.CounterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.RegistrySnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricSelectionTest {

  private final RegistrySnapshot snapshot = new RegistrySnapshot(List.of(
      new CounterSnapshot("my.http", 0),
      new CounterSnapshot("my.http!", 1),
      new CounterSnapshot("my.httpd.x", 2),
      new CounterSnapshot("my.other", 3),
      new CounterSnapshot("your.http.a", 4),
      new CounterSnapshot("your.http.b.c", 5)));

  @Test
  void selectsEveryMetricBelowABranch() {
    assertThat(names(MetricSelection.select(snapshot, "your.http")))
        .containsExactly("your.http.a", "your.http.b.c");
    assertThat(names(MetricSelection.select(snapshot, "your")))
        .containsExactly("your.http.a", "your.http.b.c");
  }

  @Test
  void selectsAMetricByItsWholeNameButNotNamesThatMerelyStartTheSame() {
    assertThat(names(MetricSelection.select(snapshot, "my.http"))).containsExactly("my.http");
    assertThat(names(MetricSelection.select(snapshot, "my")))
        .containsExactly("my.http", "my.http!", "my.httpd.x", "my.other");
  }

  @Test
  void anEmptyPathSelectsEverythingAndAnUnknownOneNothing() {
    assertThat(MetricSelection.select(snapshot, "")).contains(snapshot);
    assertThat(MetricSelection.select(snapshot, "my.ht")).isEmpty();
    assertThat(MetricSelection.select(snapshot, "your.http.b.c.d")).isEmpty();
    assertThat(MetricSelection.select(RegistrySnapshot.empty(), "")).isPresent();
  }

  @Test
  void urlPathsBecomeDottedPaths() {
    assertThat(MetricSelection.pathOf("my/http")).isEqualTo("my.http");
    assertThat(MetricSelection.pathOf("/my//http/")).isEqualTo("my.http");
    assertThat(MetricSelection.pathOf("")).isEmpty();
  }

  private static List<String> names(Optional<RegistrySnapshot> selected) {
    assertThat(selected).isPresent();
    return selected.get().metrics().stream().map(MetricSnapshot::name).toList();
  }
}
