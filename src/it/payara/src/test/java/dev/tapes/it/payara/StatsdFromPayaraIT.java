package dev.tapes.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.testkit.Await;
import dev.tapes.testkit.StatsdDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StatsD path end to end: the example WAR on Payara Micro, configured by system properties of
 * the server (tapes-cdi's keys), reporting to the reference StatsD daemon (npm {@code statsd}),
 * whose totals must equal the requests made, also across the application's undeployment.
 */
class StatsdFromPayaraIT {

  private static final Path WAR = Path.of(System.getProperty("shop.war"));
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SHOP = "payara.shop.";

  private static StatsdDaemon statsd;
  private static PayaraMicro server;

  @BeforeAll
  static void start() throws IOException {
    statsd = StatsdDaemon.start();
    server = PayaraMicro.start(Path.of(System.getProperty("it.dir"), "statsd-from-payara"),
        List.of("-Dtapes.reporters=statsd", "-Dtapes.statsd.host=" + statsd.getHost(),
            "-Dtapes.statsd.port=" + statsd.getPort(), "-Dtapes.statsd.prefix=payara",
            "-Dtapes.report.interval=1s"));
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (statsd != null) {
        statsd.close();
      }
    }
  }

  @Test
  void daemonTotalsEqualTheRequestsMadeAlsoAfterUndeployment() throws IOException {
    server.deploy(WAR, "shop");
    ShopClient shop = new ShopClient(server.uri("shop/"));
    shop.sendExpecting(7, 200, "GET", "widgets");
    shop.sendExpecting(2, 404, "GET", "widgets/w9");
    for (int quantity : new int[] {4, 1, 9, 6}) {
      shop.sendExpecting(1, 200, "POST", "orders?quantity=" + quantity);
    }
    shop.sendExpecting(1, 500, "POST", "orders/7/cancel");

    awaitCounters(Map.of(
        SHOP + "WidgetResource.list.latency.count", 7.0,
        SHOP + "WidgetResource.list.responses.2xx.count", 7.0,
        SHOP + "WidgetResource.get.responses.4xx.count", 2.0,
        SHOP + "WidgetResource.misses.count", 2.0,
        SHOP + "OrderResource.place.latency.count", 4.0,
        SHOP + "Warehouse.ship.count", 4.0,
        SHOP + "OrderResource.quantities.count", 4.0,
        SHOP + "OrderResource.cancel.errors.count", 1.0));
    Map<String, Double> gauges = statsd.gauges();
    assertThat(gauges).containsEntry(SHOP + "OrderResource.quantities.max", 9.0)
        .containsEntry(SHOP + "OrderResource.quantities.min", 1.0)
        .containsKey(SHOP + "Warehouse.ship.q99");

    // Requests just before the application stops are delivered by its last report.
    shop.sendExpecting(3, 200, "GET", "widgets");
    shop.awaitCount("/shop/WidgetResource/list/latency", 10);
    server.undeploy("shop");

    awaitCounters(Map.of(SHOP + "WidgetResource.list.latency.count", 10.0,
        SHOP + "Warehouse.ship.count", 4.0));
  }

  private static void awaitCounters(Map<String, Double> expected) {
    Await.until(() -> {
      Map<String, Double> counters = statsd.counters();
      return expected.entrySet().stream()
          .allMatch(e -> e.getValue().equals(counters.get(e.getKey())));
    }, DEADLINE, () -> "counters " + expected + " in " + statsd.counters());
  }
}
