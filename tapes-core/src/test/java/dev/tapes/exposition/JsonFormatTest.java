package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS);

  @Test
  void writesTheStatsTreeOnOneLine() {
    assertThat(JsonFormat.toString(Fixtures.handBuilt())).isEqualTo("""
        {"jobs":{"inFlight":{"value":-3},"queueSize":{"value":2.5}},"my":{"http":{"endpoints":\
        {"WidgetResource":{"latency":{"count":2,"m1":0.25,"m5":0.125,"m15":0.0625,"min":1.0,\
        "max":2.0,"mean":1.5,"stddev":0.5,"q50":2.0,"q75":2.0,"q95":2.0,"q98":2.0,"q99":2.0,\
        "q999":2.0}}}}},"payload":{"bytes":{"count":3,"min":100.0,"max":300.0,"mean":200.0,\
        "stddev":81.6496580927726,"q50":200.0,"q75":300.0,"q95":300.0,"q98":300.0,"q99":300.0,\
        "q999":300.0}},"requests":{"count":42,"m1":0.5,"m5":0.25,"m15":0.125}}""");
    assertThat(JsonFormat.toString(RegistrySnapshot.empty())).isEqualTo("{}");
  }

  @Test
  void parsedBackItEqualsGetStatsForTheRichRegistry() throws Exception {
    RegistrySnapshot snapshot = Fixtures.richRegistry().snapshot();

    assertRoundTrip(snapshot, "rich registry");
  }

  @Test
  void parsedBackItEqualsGetStatsForRandomRegistries() throws Exception {
    for (long seed = 1; seed <= 200; seed++) {
      assertRoundTrip(randomRegistry(new Random(seed)).snapshot(), "seed " + seed);
    }
  }

  @Test
  void theStreamHasTheSameUtf8Text() throws Exception {
    RegistrySnapshot snapshot = Fixtures.richRegistry().snapshot();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    JsonFormat.write(snapshot, bytes);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(JsonFormat.toString(snapshot))
        .contains("\"caf\u00e9\"", "\"\\\"quoted\\\\name\\\"\"");
  }

  @Test
  void aNameThatIsBothAMetricAndABranchIsRefusedEvenWhenNotAdjacent() {
    // "a" < "a!" < "a.b": the metric "a" and the branch "a" are not neighbours.
    RegistrySnapshot clash = new RegistrySnapshot(List.of(new CounterSnapshot("a", 1),
        new CounterSnapshot("a!", 2), new GaugeSnapshot("a.b", 3)));

    assertThatThrownBy(() -> JsonFormat.toString(clash))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a.b'");
  }

  private static void assertRoundTrip(RegistrySnapshot snapshot, String what) throws Exception {
    String json = JsonFormat.toString(snapshot);

    Map<?, ?> parsed = JSON.readValue(json, Map.class);

    Object expected = withoutNonFinite(StatsTree.of(snapshot));
    assertThat(parsed).as("%s: %s", what, json).isEqualTo(expected);
    assertThat(parsed.toString()).as("%s: key order", what).isEqualTo(expected.toString());
  }

  /** The stats tree as JSON can hold it: NaN and infinities become null. */
  private static Object withoutNonFinite(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, value) -> copy.put(key, withoutNonFinite(value)));
      return copy;
    }
    if (node instanceof Double value && (value.isNaN() || value.isInfinite())) {
      return null;
    }
    return node;
  }

  /** A real registry with random names (odd characters included) and random values. */
  static Registry randomRegistry(Random random) {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    String[] segments = {"a", "b", "B", "Widget", "x\"y", "back\\slash", "caf\u00e9", "a!",
        "a-b", "0", "\u00fc\u00df", "sp_ace", "z"};
    int metrics = random.nextInt(40);
    List<Runnable> later = new ArrayList<>();
    for (int i = 0; i < metrics; i++) {
      StringBuilder name = new StringBuilder();
      int depth = 1 + random.nextInt(4);
      for (int d = 0; d < depth; d++) {
        if (d > 0) {
          name.append('.');
        }
        name.append(segments[random.nextInt(segments.length)]);
      }
      try {
        addRandomMetric(registry, name.toString(), random);
      } catch (IllegalArgumentException e) {
        // A leaf/branch clash or a reused name of another kind: the registry refuses it.
      }
    }
    later.forEach(Runnable::run);
    clock.advance(Duration.ofSeconds(random.nextInt(100)));
    return registry;
  }

  private static void addRandomMetric(Registry registry, String name, Random random) {
    switch (random.nextInt(5)) {
      case 0:
        registry.counter(name).increment(random.nextLong());
        break;
      case 1:
        double[] values = {random.nextDouble(), Double.NaN, Double.POSITIVE_INFINITY,
            -random.nextDouble() * 1e300, random.nextInt(), 0.0, -0.0, Double.MIN_VALUE};
        double value = values[random.nextInt(values.length)];
        registry.gauge(name, () -> value);
        break;
      case 2:
        registry.meter(name).mark(random.nextInt(1000));
        break;
      case 3:
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
          registry.histogram(name).update(random.nextLong() >> random.nextInt(64));
        }
        registry.histogram(name);
        break;
      default:
        int calls = random.nextInt(20);
        for (int i = 0; i < calls; i++) {
          registry.timer(name).update(Duration.ofNanos(Math.abs(random.nextLong() >> 20)));
        }
        registry.timer(name);
        break;
    }
  }
}
