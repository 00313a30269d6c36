package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.exposition.StatsTree;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);

  @Test
  void statsNestOnTheDotsOfNames() {
    registry.timer("my.timer");

    Map<String, Object> stats = registry.getStats();

    assertThat(leaf(stats, "my", "timer")).containsEntry("count", 0L);
  }

  @Test
  void eachKindHasTheSeedsKeys() {
    registry.counter("c").increment(4);
    registry.gauge("g", () -> 2.5);
    registry.meter("m").mark();
    registry.histogram("h").update(10);
    registry.timer("t").update(Duration.ofMillis(20));

    Map<String, Object> stats = registry.getStats();

    assertThat(leaf(stats, "c")).containsExactly(Map.entry("value", 4L));
    assertThat(leaf(stats, "g")).containsExactly(Map.entry("value", 2.5));
    assertThat(leaf(stats, "m").keySet()).containsExactly("count", "m1", "m5", "m15");
    assertThat(leaf(stats, "h").keySet()).containsExactly("count", "min", "max", "mean",
        "stddev", "q50", "q75", "q95", "q98", "q99", "q999");
    assertThat(leaf(stats, "t").keySet()).containsExactly("count", "m1", "m5", "m15", "min",
        "max", "mean", "stddev", "q50", "q75", "q95", "q98", "q99", "q999");
  }

  @Test
  void timerDurationsAreInSeconds() {
    registry.timer("t").update(Duration.ofMillis(20));

    Map<String, Object> timer = leaf(registry.getStats(), "t");

    assertThat(timer.get("max")).isEqualTo(0.02);
    assertThat((double) timer.get("q50")).isCloseTo(0.02, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void anEmptyWindowReportsNaN() {
    registry.histogram("h");

    Map<String, Object> histogram = leaf(registry.getStats(), "h");

    assertThat(histogram.get("count")).isEqualTo(0L);
    assertThat((double) histogram.get("q99")).isNaN();
    assertThat((double) histogram.get("min")).isNaN();
  }

  @Test
  void theTreeIsUnmodifiable() {
    registry.counter("a.b");

    Map<String, Object> stats = registry.getStats();

    assertThatThrownBy(() -> stats.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> leaf(stats, "a", "b").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSnapshotWhoseNamesCollideInTheTreeIsRefused() {
    RegistrySnapshot clash = new RegistrySnapshot(List.of(
        new CounterSnapshot("a", 1), new CounterSnapshot("a.b", 2)));

    assertThatThrownBy(() -> StatsTree.of(clash)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.b'");
  }

  @Test
  void unsortedSnapshotsAreRefused() {
    assertThatThrownBy(() -> new RegistrySnapshot(List.of(
        new CounterSnapshot("b", 1), new CounterSnapshot("a", 2))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> leaf(Map<String, Object> stats, String... path) {
    Map<String, Object> node = stats;
    for (String segment : path) {
      node = (Map<String, Object>) node.get(segment);
    }
    return node;
  }
}
