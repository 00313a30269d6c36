package dev.tapes.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.testkit.Await;
import dev.tapes.testkit.StatsdDaemon;
import java.time.Duration;
import java.util.Map;

/**
 * The StatsD path end to end, the same on every server: the shop configured by {@code tapes.*}
 * keys reports to the reference StatsD daemon (npm {@code statsd}), whose totals must equal the
 * requests made, also those made just before the application stops (its last report).
 */
public final class StatsdAcceptance {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private StatsdAcceptance() {}

  /** Something that stops the application: an undeployment, a SIGTERM. */
  @FunctionalInterface
  public interface Stop {
    void stop() throws Exception;
  }

  /**
   * Sends the shop its requests, checks the daemon's totals, sends more, stops the application
   * and checks that the last ones arrived too.
   *
   * @param prefix the configured {@code tapes.statsd.prefix}
   */
  public static void check(ShopClient shop, StatsdDaemon statsd, String prefix, Stop stop)
      throws Exception {
    String shopKey = prefix + ".shop.";
    shop.sendExpecting(7, 200, "GET", "widgets");
    shop.sendExpecting(2, 404, "GET", "widgets/w9");
    for (int quantity : new int[] {4, 1, 9, 6}) {
      shop.sendExpecting(1, 200, "POST", "orders?quantity=" + quantity);
    }
    shop.sendExpecting(1, 500, "POST", "orders/7/cancel");

    awaitCounters(statsd, Map.of(
        shopKey + "WidgetResource.list.latency.count", 7.0,
        shopKey + "WidgetResource.list.responses.2xx.count", 7.0,
        shopKey + "WidgetResource.get.responses.4xx.count", 2.0,
        shopKey + "WidgetResource.misses.count", 2.0,
        shopKey + "OrderResource.place.latency.count", 4.0,
        shopKey + "Warehouse.ship.count", 4.0,
        shopKey + "OrderResource.quantities.count", 4.0,
        shopKey + "OrderResource.cancel.errors.count", 1.0));
    Map<String, Double> gauges = statsd.gauges();
    assertThat(gauges).containsEntry(shopKey + "OrderResource.quantities.max", 9.0)
        .containsEntry(shopKey + "OrderResource.quantities.min", 1.0)
        .containsKey(shopKey + "Warehouse.ship.q99");

    // Requests just before the application stops are delivered by its last report.
    shop.sendExpecting(3, 200, "GET", "widgets");
    shop.awaitCount("/shop/WidgetResource/list/latency", 10);
    stop.stop();

    awaitCounters(statsd, Map.of(shopKey + "WidgetResource.list.latency.count", 10.0,
        shopKey + "Warehouse.ship.count", 4.0));
  }

  private static void awaitCounters(StatsdDaemon statsd, Map<String, Double> expected) {
    Await.until(() -> {
      Map<String, Double> counters = statsd.counters();
      return expected.entrySet().stream()
          .allMatch(e -> e.getValue().equals(counters.get(e.getKey())));
    }, DEADLINE, () -> "counters " + expected + " in " + statsd.counters());
  }
}
