package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.Tapes;
import dev.tapes.cdi.example.FastWorker;
import dev.tapes.cdi.example.GadgetResource;
import dev.tapes.cdi.example.JobRunner;
import dev.tapes.cdi.example.ShippingService;
import dev.tapes.cdi.example.SlowWorker;
import dev.tapes.cdi.example.WidgetResource;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example deployed as a WAR on embedded Weld; each subclass deploys it with one
 * discovery mode. The concrete resources carry no annotation of their own: the inherited {@link
 * MeteredClass} stereotype makes them beans, and nothing in the application's {@code beans.xml}
 * mentions tapes. Counts are compared with their values before each test: the global registry
 * outlives a test.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ExampleOnArquillian {

  @Inject WidgetResource widgets;
  @Inject GadgetResource gadgets;
  @Inject FastWorker fast;
  @Inject SlowWorker slow;
  @Inject JobRunner jobs;
  @Inject ShippingService shipping;
  @Inject Registry registry;

  /**
   * No {@code beans.xml} (the extensions add our classes; Weld would discover them twice), both
   * extensions' service files, and a Jandex index, through which Quarkus sees the JAR.
   */
  @Test
  void ourJarsCarryNoBeansXmlButBothExtensionsAndAnIndex() {
    var jar = ArquillianDeployments.library("tapes-cdi.jar", TapesExtension.class);
    assertThat(jar.contains("META-INF/beans.xml")).isFalse();
    assertThat(jar.contains("META-INF/services/jakarta.enterprise.inject.spi.Extension")).isTrue();
    assertThat(jar.contains("META-INF/services/"
        + "jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension")).isTrue();
    assertThat(jar.contains("META-INF/jandex.idx")).isTrue();
  }

  @Test
  void theExampleWorksAndNamesMetricsPerConcreteClass() {
    long widgetCalls = widgets.latency().getCount();
    long widgetErrors = widgets.errorRate().getCount();
    long gadgetCalls = gadgets.latency().getCount();
    widgets.handle(false);
    widgets.handle(true);
    gadgets.handle(false);
    assertThat(registry.timer("my.http.endpoints.WidgetResource.latency").getCount())
        .isEqualTo(widgetCalls + 2);
    assertThat(registry.meter("my.http.endpoints.WidgetResource.error_rate").getCount())
        .isEqualTo(widgetErrors + 1);
    assertThat(registry.timer("my.http.endpoints.GadgetResource.latency").getCount())
        .isEqualTo(gadgetCalls + 1);
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.contains("BaseResource"));
  }

  @Test
  void theGlobalRegistryIsTheApplicationsWithoutOneOfItsOwn() {
    assertThat(registry).isSameAs(Tapes.registry());
    assertThat(shipping.registry()).isSameAs(Tapes.registry());
  }

  @Test
  void interceptorsAreEnabledWithoutBeansXml() {
    long fastCalls = registry.counter("workers.FastWorker.work").getCount();
    long slowCalls = registry.counter("workers.SlowWorker.work").getCount();
    long runs = registry.meter("jobs.JobRunner.run").getCount();
    fast.work();
    fast.work();
    slow.work();
    jobs.run();
    assertThat(registry.counter("workers.FastWorker.work").getCount()).isEqualTo(fastCalls + 2);
    assertThat(registry.counter("workers.SlowWorker.work").getCount()).isEqualTo(slowCalls + 1);
    assertThat(registry.meter("jobs.JobRunner.run").getCount()).isEqualTo(runs + 1);
  }

  @Test
  void synchronousAndAsynchronousMethodsAreTimed() {
    long labels = registry.timer("ShippingService.label").getCount();
    long ships = registry.timer("shipping.ShippingService.ship").getCount();
    assertThat(shipping.label("o-1")).isEqualTo("label:o-1");
    CompletableFuture<String> carrier = new CompletableFuture<>();
    CompletionStage<String> shipment = shipping.ship(carrier);
    assertThat(registry.timer("shipping.ShippingService.ship").getCount()).isEqualTo(ships);
    assertThat(registry.counter("shipping.ShippingService.in_flight").getCount()).isEqualTo(1);
    carrier.complete("delivered");
    assertThat(shipment.toCompletableFuture().join()).isEqualTo("delivered");
    assertThat(registry.timer("ShippingService.label").getCount()).isEqualTo(labels + 1);
    assertThat(registry.timer("shipping.ShippingService.ship").getCount()).isEqualTo(ships + 1);
    assertThat(registry.counter("shipping.ShippingService.in_flight").getCount()).isZero();
  }
}
