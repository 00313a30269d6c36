package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Meter;
import dev.tapes.Registry;
import dev.tapes.Tapes;
import dev.tapes.Timer;
import dev.tapes.cdi.example.BaseResource;
import dev.tapes.cdi.example.GadgetResource;
import dev.tapes.cdi.example.WidgetResource;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example on the global registry, in plain Weld SE. The global registry outlives
 * each test's container, so counts are compared with their values before the test.
 */
class MeteredClassTest {

  private SeContainer container;

  @BeforeEach
  void start() {
    container = Containers.start(WidgetResource.class, GadgetResource.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  private Registry registry() {
    return container.select(Registry.class).get();
  }

  @Test
  void theExampleNamesMetricsAfterTheConcreteClass() {
    WidgetResource widgets = container.select(WidgetResource.class).get();
    long calls = widgets.latency().getCount();
    long errors = widgets.errorRate().getCount();
    assertThat(widgets.handle(false)).isEqualTo("widgets");
    assertThat(widgets.handle(true)).isEqualTo("error");
    assertThat(widgets.latency().getName())
        .isEqualTo("my.http.endpoints.WidgetResource.latency");
    assertThat(widgets.errorRate().getName())
        .isEqualTo("my.http.endpoints.WidgetResource.error_rate");
    assertThat(registry().timer("my.http.endpoints.WidgetResource.latency").getCount())
        .isEqualTo(calls + 2);
    assertThat(statsOf("WidgetResource", "error_rate")).containsEntry("count", errors + 1);
  }

  @Test
  void twoSubclassesOfOneBaseGetTwoSetsOfMetrics() {
    BaseResource widgets = container.select(WidgetResource.class).get();
    BaseResource gadgets = container.select(GadgetResource.class).get();
    long widgetCalls = widgets.latency().getCount();
    long gadgetCalls = gadgets.latency().getCount();
    gadgets.handle(false);
    assertThat(gadgets.latency()).isNotSameAs(widgets.latency());
    assertThat(gadgets.latency().getName())
        .isEqualTo("my.http.endpoints.GadgetResource.latency");
    assertThat(gadgets.latency().getCount()).isEqualTo(gadgetCalls + 1);
    assertThat(widgets.latency().getCount()).isEqualTo(widgetCalls);
  }

  @Test
  void theAbstractBaseGetsNoMetric() {
    assertThat(registry().getMetrics().keySet()).containsExactlyInAnyOrder(
        "my.http.endpoints.GadgetResource.error_rate",
        "my.http.endpoints.GadgetResource.latency",
        "my.http.endpoints.WidgetResource.error_rate",
        "my.http.endpoints.WidgetResource.latency");
  }

  @Test
  void theSameBeanCreatedTwiceSharesItsMetrics() {
    WidgetResource first = container.select(WidgetResource.class).get();
    WidgetResource second = container.select(WidgetResource.class).get();
    assertThat(second).isNotSameAs(first);
    Timer latency = first.latency();
    Meter errors = first.errorRate();
    assertThat(second.latency()).isSameAs(latency);
    assertThat(second.errorRate()).isSameAs(errors);
  }

  @Test
  void withoutARegistryOfItsOwnTheApplicationGetsTheGlobalOne() {
    assertThat(registry()).isSameAs(Tapes.registry());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> statsOf(String resource, String metric) {
    Map<String, Object> stats = registry().getStats();
    for (String segment : new String[] {"my", "http", "endpoints", resource, metric}) {
      stats = (Map<String, Object>) stats.get(segment);
    }
    return stats;
  }
}
