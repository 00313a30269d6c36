package dev.tapes.it.quarkus;

import static dev.tapes.it.shop.ShopClient.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapes.it.shop.ShopAcceptance;
import dev.tapes.it.shop.ShopClient;
import dev.tapes.testkit.ListeningSockets;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example shop (tapes-examples-shop, the classes of the WAR) as a Quarkus application (ArC
 * and Quarkus REST), checked exactly as the WAR is on Payara Micro and WildFly. Tapes is two plain
 * dependencies: the application has no {@code beans.xml}, indexes no dependency and registers
 * nothing. One application serves every test, so only the acceptance check sends the shop
 * requests; the others use resources it does not count.
 */
class ShopOnQuarkusIT {

  private static QuarkusApp app;

  @BeforeAll
  static void start() throws IOException {
    app = QuarkusApp.start("shop-on-quarkus", List.of());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theApplicationDeclaresNothingForTapes() throws IOException {
    Path classes = Path.of("target", "classes");
    assertThat(classes.resolve("META-INF/beans.xml")).doesNotExist();
    assertThat(Files.readString(classes.resolve("application.properties")))
        .doesNotContain("index-dependency");
  }

  @Test
  void shopMetricsAreNamedPerClassAndCountedExactlyInJsonAndPrometheusText() {
    ShopAcceptance.check(new ShopClient(app.uri("")), "/", app::log);
  }

  /**
   * {@link ThingResource} extends the shop's {@code @MeteredClass} base without a scope or any
   * other bean defining annotation, which Payara's discovery needs (the shop's catalogs are
   * request-scoped for it): Quarkus makes every resource class a bean, so its metrics are still
   * named after it, never after the abstract base.
   */
  @Test
  void anUndecoratedSubclassOfTheMeteredBaseIsNamedAfterItself() {
    assertThat(ThingResource.class.getDeclaredAnnotations()).as("the premise: @Path only")
        .extracting(Annotation::annotationType).containsExactly(jakarta.ws.rs.Path.class);
    ShopClient shop = new ShopClient(app.uri(""));
    shop.sendExpecting(2, 200, "GET", "things");
    shop.sendExpecting(3, 200, "GET", "things/t1");
    shop.sendExpecting(1, 404, "GET", "things/t9");

    shop.awaitCount("/shop/ThingResource/list/latency", 2);
    JsonNode metrics = shop.awaitCount("/shop/ThingResource/get/latency", 4);
    assertThat(count(metrics, "/shop/ThingResource/list/responses/2xx")).isEqualTo(2);
    assertThat(count(metrics, "/shop/ThingResource/get/responses/2xx")).isEqualTo(3);
    assertThat(count(metrics, "/shop/ThingResource/get/responses/4xx")).isEqualTo(1);
    assertThat(count(metrics, "/shop/ThingResource/lookup")).isEqualTo(4);
    assertThat(count(metrics, "/shop/ThingResource/misses")).isEqualTo(1);
    assertThat(metrics.at("/shop/CatalogResource").isMissingNode())
        .as("the abstract base has no metrics of its own").isTrue();
    assertThat(shop.send("GET", "metrics/shop/ThingResource", "Accept",
        "text/plain;version=0.0.4").body().lines()).contains(
        "shop_thing_resource_lookup_seconds_count 4", "shop_thing_resource_misses_total 1");
  }

  /** Asks for {@code /metrics} only, which is not timed: the shop's counts stay exact. */
  @Test
  void applicationListensOnLoopbackOnly() {
    assertThat(new ShopClient(app.uri("")).send("GET", "metrics").statusCode()).isEqualTo(200);

    assertThat(ListeningSockets.of(app.pid())).as("the HTTP listener").isNotEmpty();
    assertThat(ListeningSockets.nonLoopback(app.pid())).isEmpty();
  }
}
