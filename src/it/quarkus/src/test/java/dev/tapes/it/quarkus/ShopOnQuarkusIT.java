package dev.tapes.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.it.shop.ShopAcceptance;
import dev.tapes.it.shop.ShopClient;
import dev.tapes.testkit.ListeningSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop as a Quarkus application (ArC and Quarkus REST), checked exactly as the example WAR
 * is on Payara Micro and WildFly. Tapes is two plain dependencies: the application has no {@code
 * beans.xml}, indexes no dependency and registers nothing. One application serves every test, so
 * only the acceptance check sends the shop requests.
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

  /** Asks for {@code /metrics} only, which is not timed: the shop's counts stay exact. */
  @Test
  void applicationListensOnLoopbackOnly() {
    assertThat(new ShopClient(app.uri("")).send("GET", "metrics").statusCode()).isEqualTo(200);

    assertThat(ListeningSockets.of(app.pid())).as("the HTTP listener").isNotEmpty();
    assertThat(ListeningSockets.nonLoopback(app.pid())).isEmpty();
  }
}
