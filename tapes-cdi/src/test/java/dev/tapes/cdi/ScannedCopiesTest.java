package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.cdi.example.ClockedRegistry;
import dev.tapes.cdi.example.FastWorker;
import dev.tapes.cdi.example.WidgetResource;
import jakarta.enterprise.inject.se.SeContainer;
import org.junit.jupiter.api.Test;

/**
 * A container that also scans our JAR (a server's implicit bean archive, a flat class path)
 * sees our producers and interceptors twice: once added by the extension, once discovered. The
 * discovered copies are dropped, so injection is not ambiguous and a call counts once.
 */
class ScannedCopiesTest {

  @Test
  void discoveredCopiesOfOurTypesAreDropped() {
    try (SeContainer container = Containers.start(ClockedRegistry.class, WidgetResource.class,
        FastWorker.class, MetricProducers.class, TimedInterceptor.class,
        MeteredInterceptor.class, CountedInterceptor.class)) {
      Registry registry = container.select(Registry.class).get();
      assertThat(container.select(WidgetResource.class).get().latency())
          .isSameAs(registry.timer("my.http.endpoints.WidgetResource.latency"));
      container.select(FastWorker.class).get().work();
      assertThat(registry.counter("workers.FastWorker.work").getCount()).isEqualTo(1);
    }
  }
}
