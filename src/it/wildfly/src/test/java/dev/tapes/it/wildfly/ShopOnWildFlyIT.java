package dev.tapes.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.it.shop.ShopClient;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.JvmProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example shop's WAR on WildFly (Weld, RESTEasy Classic, Yasson), as a user deploys it: the
 * same WAR and the same checks as on Payara Micro. Each test deploys it under a context root of
 * its own and undeploys it.
 */
class ShopOnWildFlyIT {

  private static final Path WAR = Path.of(System.getProperty("shop.war"));
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static WildFly server;

  @BeforeAll
  static void start() throws IOException {
    server = WildFly.start(Path.of(System.getProperty("it.dir"), "shop-on-wildfly"), List.of());
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
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
   * Undeploying leaves no Tapes thread, and no application behind but those the server keeps.
   * WildFly's managed scheduled executor starts a core thread for each task scheduled while it
   * has fewer than its core size ({@value WildFly#SCHEDULER_THREADS} here), and that thread keeps
   * the application that scheduled the task reachable for as long as the thread lives (most
   * likely through the context handle it is created with). Tapes ticks and reports on that executor, so the
   * applications that started its threads stay loaded; once every core thread exists, every
   * application deployed and undeployed must be collected.
   */
  @Test
  void undeployedApplicationsLeaveNoTapesThreadAndNotMoreThanTheServerKeeps() throws IOException {
    JvmProbe jvm = JvmProbe.of(server.pid());
    deployUseAndUndeploy(jvm, "gone-1");
    deployUseAndUndeploy(jvm, "gone-2"); // every core thread has started by now
    long[] kept = new long[1];
    Await.until(() -> {
      kept[0] = jvm.liveClasses("dev.tapes.").getOrDefault("dev.tapes.Registry", 0L);
      return kept[0] <= WildFly.SCHEDULER_THREADS && noTapesThread(jvm);
    }, DEADLINE, Duration.ofSeconds(1), () -> "at most " + WildFly.SCHEDULER_THREADS
        + " applications' registries, and no tapes- thread; live: "
        + jvm.liveClasses("dev.tapes.") + ", threads: " + jvm.threadNames());

    deployUseAndUndeploy(jvm, "gone-3");
    deployUseAndUndeploy(jvm, "gone-4");

    Await.until(() -> {
      Map<String, Long> live = jvm.liveClasses("dev.tapes.");
      return live.getOrDefault("dev.tapes.Registry", 0L) == kept[0]
          && live.getOrDefault("dev.tapes.cdi.TapesExtension", 0L) == kept[0]
          && noTapesThread(jvm);
    }, DEADLINE, Duration.ofSeconds(1), () -> "the " + kept[0] + " applications kept before,"
        + " no more, and no tapes- thread; live: " + jvm.liveClasses("dev.tapes.")
        + ", threads: " + jvm.threadNames());
  }

  private static void deployUseAndUndeploy(JvmProbe jvm, String name) throws IOException {
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

  private static boolean noTapesThread(JvmProbe jvm) {
    return jvm.threadNames().stream().noneMatch(name -> name.startsWith("tapes-"));
  }
}
