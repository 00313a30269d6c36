package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Registry;
import dev.tapes.cdi.example.WidgetResource;
import dev.tapes.distributed.DistributedRegistry;
import dev.tapes.distributed.RegistryAggregator;
import dev.tapes.testkit.Await;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code tapes.distributed.endpoint} set, an application's metrics live in a proxy that
 * ships them to a real aggregator over JeroMQ on loopback; stopping the application ships the
 * last state and leaves none of the proxy's threads behind.
 */
class DistributedModeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final List<String> properties = new ArrayList<>();

  @AfterEach
  void clearProperties() {
    properties.forEach(System::clearProperty);
  }

  private void set(String key, String value) {
    properties.add(key);
    System.setProperty(key, value);
  }

  @Test
  void anApplicationsMetricsReachTheAggregatorAndItsProxyStopsWithIt() {
    try (RegistryAggregator aggregator = new RegistryAggregator("tcp://127.0.0.1:*")) {
      aggregator.start();
      set("tapes.distributed.endpoint", aggregator.getEndpoint());
      set("tapes.distributed.process-name", "web-1");
      set("tapes.distributed.flush-interval", "200ms");
      Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

      try (SeContainer container = Containers.start(WidgetResource.class)) {
        assertThat(container.select(Registry.class).get()).isInstanceOf(DistributedRegistry.class);
        WidgetResource widgets = container.select(WidgetResource.class).get();
        for (int i = 0; i < 3; i++) {
          widgets.handle(true);
        }
        Await.until(() -> errorCount(aggregator) == 3, DEADLINE,
            () -> "the aggregator saw " + errorCount(aggregator) + " errors, not 3");
        widgets.handle(true);
      }

      assertThat(errorCount(aggregator)).as("the last state ships at shutdown").isEqualTo(4);
      Await.until(() -> newThreads(before).isEmpty(), DEADLINE,
          () -> "threads left by the application's proxy: " + newThreads(before));
    }
  }

  @Test
  void distributedModeWithAnApplicationRegistryIsRefused() {
    TapesConfig config = config("tcp://127.0.0.1:5557");

    assertThatThrownBy(() -> RegistrySelection.select(config, Registry::new,
        getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tapes.distributed.endpoint=tcp://127.0.0.1:5557")
        .hasMessageContaining("also produces its own Registry bean");
  }

  @Test
  void distributedModeWithoutTheModuleIsRefusedNamingWhatIsMissing() {
    ClassLoader withoutDistributed = new ClassLoader(null) {};

    assertThatThrownBy(() -> RegistrySelection.select(config("tcp://127.0.0.1:5557"), null,
        withoutDistributed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the tapes-distributed JAR");
  }

  private static TapesConfig config(String endpoint) {
    return TapesConfig.read(dev.tapes.internal.Configuration.system(new java.util.Properties(),
        Map.of("TAPES_DISTRIBUTED_ENDPOINT", endpoint)));
  }

  private static long errorCount(RegistryAggregator aggregator) {
    Object leaf = path(aggregator.registry().getStats(), "my", "http", "endpoints",
        "WidgetResource", "error_rate");
    return leaf == null ? 0 : (Long) ((Map<?, ?>) leaf).get("count");
  }

  private static Object path(Map<?, ?> tree, String... segments) {
    Object node = tree;
    for (String segment : segments) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(segment);
    }
    return node;
  }

  private static List<String> newThreads(Set<Thread> before) {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      // The JDK's common pool is shared by everyone, and its idle workers linger for a minute.
      if (thread.isAlive() && !before.contains(thread)
          && !thread.getName().startsWith("ForkJoinPool.commonPool")) {
        names.add(thread.getName());
      }
    }
    return names;
  }
}
