package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.Tapes;
import dev.tapes.Timer;
import dev.tapes.cdi.example.ClockedRegistry;
import dev.tapes.cdi.example.OrderService;
import jakarta.enterprise.inject.se.SeContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injection outside metered classes, into an application that produces its own registry. */
class InjectionTest {

  private SeContainer container;
  private OrderService orders;
  private Registry registry;

  @BeforeEach
  void start() {
    container = Containers.start(OrderService.class, ClockedRegistry.class);
    orders = container.select(OrderService.class).get();
    registry = container.select(Registry.class).get();
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void theApplicationsRegistryIsUsedForEveryMetric() {
    assertThat(registry.getClock()).isInstanceOf(ManualClock.class);
    assertThat(registry).isNotSameAs(Tapes.registry());
    assertThat(orders.registry()).isSameAs(registry);
    assertThat(registry.getMetrics()).containsValues(orders.t(), orders.rejected(),
        orders.queued(), orders.sizes(), orders.initialized());
  }

  @Test
  void plainInjectionsAreNamedClassDotField() {
    assertThat(orders.t().getName()).isEqualTo("OrderService.t");
    assertThat(orders.sizes().getName()).isEqualTo("OrderService.sizes");
  }

  @Test
  void metricNamesWorkInAnyBean() {
    assertThat(orders.rejected().getName()).isEqualTo("orders.OrderService.rejected");
    assertThat(orders.queued().getName()).isEqualTo("orders.queue");
    assertThat(orders.initialized().getName()).isEqualTo("orders.initialized");
  }

  @Test
  void programmaticLookupsNameTheMetricInTheQualifier() {
    Timer looked = container.select(Timer.class, Metric.Literal.of("orders.lookup")).get();
    assertThat(looked).isSameAs(registry.timer("orders.lookup"));
  }

  @Test
  void aProgrammaticLookupCannotUseTheBeanClassInItsName() {
    assertThatThrownBy(() -> container.select(Timer.class, Metric.Literal.of("x.{}")).get())
        .hasStackTraceContaining("a programmatic lookup, @Metric(\"x.{}\"): {} needs a bean class,"
            + " and a programmatic lookup has none: give the whole name");
    assertThatThrownBy(() -> container.select(Timer.class).get())
        .hasStackTraceContaining("a programmatic lookup, default name: nothing to name the metric"
            + " after; select it with Metric.Literal.of(\"name\")");
  }

  @Test
  void everyInjectedAndInterceptedMetricExistsFromDeployment() {
    assertThat(registry.getMetrics().keySet()).containsExactlyInAnyOrder(
        "OrderService.t", "OrderService.sizes", "orders.OrderService.rejected", "orders.queue",
        "orders.initialized", "OrderService.place", "orders.OrderService.ship.async",
        "orders.cancel.latency", "orders.cancel.rate", "orders.cancel.calls");
  }
}
