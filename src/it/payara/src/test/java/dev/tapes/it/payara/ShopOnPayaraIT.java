package dev.tapes.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.it.shop.ShopClient;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.JvmProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example shop's WAR on Payara Micro, as a user deploys it: the shop's classes and the tapes
 * JARs in {@code WEB-INF/lib}, nothing registered, no configuration. Each test deploys the WAR
 * under a context root of its own and undeploys it.
 */
class ShopOnPayaraIT {

  private static final Path WAR = Path.of(System.getProperty("shop.war"));
  private static final String VERSION = System.getProperty("project.version", "");

  private static PayaraMicro server;

  @BeforeAll
  static void start() throws IOException {
    server = PayaraMicro.start(Path.of(System.getProperty("it.dir"), "shop-on-payara"),
        List.of());
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theWarHoldsTheShopAndTheTapesJarsOnly() throws IOException {
    List<String> entries = new ArrayList<>();
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      for (ZipEntry entry : Collections.list(war.entries())) {
        if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
          entries.add(entry.getName());
        }
      }
    }

    assertThat(entries).filteredOn(name -> name.startsWith("WEB-INF/lib/"))
        .map(name -> name.replaceAll("-[0-9][^/]*\\.jar$", ".jar"))
        .containsExactlyInAnyOrder("WEB-INF/lib/tapes-core.jar", "WEB-INF/lib/tapes-cdi.jar",
            "WEB-INF/lib/tapes-jaxrs.jar");
    assertThat(entries).filteredOn(name -> !name.startsWith("WEB-INF/lib/"))
        .isNotEmpty()
        .allMatch(name -> name.startsWith("WEB-INF/classes/dev/tapes/examples/shop/"));
  }

  @Test
  void shopMetricsAreNamedPerClassAndCountedExactlyInJsonAndPrometheusText() throws IOException {
    server.checkShop(WAR);
  }

  @Test
  void serverListensOnLoopbackOnly() throws IOException {
    server.checkListensOnLoopbackOnly(WAR);
  }

  /**
   * Undeploying leaves no Tapes thread, and no application behind but one: on Payara Micro 6
   * (JDK 17), the first application that schedules a task on the server's managed scheduled
   * executor stays reachable from the executor's thread, which is created at that moment; Tapes
   * ticks on that executor, so the first Tapes application is kept (a WAR without Tapes that
   * schedules one task is kept just the same). Every later application must be collected, so two
   * deployments in a row leave at most one.
   */
  @Test
  void undeployedApplicationsLeaveNoTapesThreadAndNotMoreThanTheServerKeeps() throws IOException {
    JvmProbe jvm = JvmProbe.of(server.pid());
    for (String name : List.of("gone-1", "gone-2")) {
      server.deploy(WAR, name);
      ShopClient shop = new ShopClient(server.uri(name + "/"));
      shop.sendExpecting(1, 200, "GET", "widgets/w2");
      shop.sendExpecting(1, 200, "POST", "orders");
      shop.sendExpecting(1, 500, "POST", "orders/1/cancel");
      shop.awaitCount("/shop/Warehouse/ship", 1);
      assertThat(jvm.liveClasses("dev.tapes.")).as("positive control: the application is live")
          .containsKeys("dev.tapes.Registry", "dev.tapes.cdi.TapesExtension");
      server.undeploy(name);
    }

    Await.until(() -> {
      Map<String, Long> live = jvm.liveClasses("dev.tapes.");
      return live.getOrDefault("dev.tapes.Registry", 0L) <= 1
          && live.getOrDefault("dev.tapes.cdi.TapesExtension", 0L) <= 1
          && jvm.threadNames().stream().noneMatch(name -> name.startsWith("tapes-"));
    }, Duration.ofSeconds(60), Duration.ofSeconds(1), () -> "at most one application's "
        + "registry and extension, and no tapes- thread; live: " + jvm.liveClasses("dev.tapes.")
        + ", threads: " + jvm.threadNames());
  }
}
