package dev.tapes.it.shop;

import static dev.tapes.it.shop.ShopClient.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapes.testkit.Promtool;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * The checks every server passes with the example shop: the same requests, then the same metric
 * names and exact counts in JSON, in Prometheus text (clean for promtool) and in OpenMetrics.
 * Written once, so that "the same acceptance checks on Payara Micro, WildFly and Quarkus" holds
 * by construction.
 */
public final class ShopAcceptance {

  private ShopAcceptance() {}

  /**
   * Sends the shop its requests and checks {@code /metrics}.
   *
   * @param contextPath where the shop is served, with slashes: {@code /shop/} or {@code /}
   * @param serverLog what the server has logged so far, where the unmapped failure must appear
   *     with its request
   */
  public static void check(ShopClient shop, String contextPath, Supplier<String> serverLog) {
    shop.sendExpecting(3, 200, "GET", "widgets");
    shop.sendExpecting(2, 200, "GET", "widgets/w1");
    shop.sendExpecting(1, 404, "GET", "widgets/w9");
    shop.sendExpecting(1, 200, "GET", "gadgets/g1");
    for (int quantity : new int[] {2, 5, 11}) {
      assertThat(shop.send("POST", "orders?item=g1&quantity=" + quantity).body())
          .contains("\"quantity\":" + quantity, "\"status\":\"shipped\"");
    }
    shop.sendExpecting(2, 500, "POST", "orders/41/cancel");
    shop.sendExpecting(1, 404, "GET", "no/such/page");

    shop.awaitCount("/shop/OrderResource/cancel/latency", 2);
    shop.awaitCount("/shop/OrderResource/place/latency", 3);
    JsonNode metrics = shop.awaitCount("/shop/WidgetResource/get/latency", 3);
    assertThat(count(metrics, "/shop/WidgetResource/list/latency")).isEqualTo(3);
    assertThat(count(metrics, "/shop/WidgetResource/list/responses/2xx")).isEqualTo(3);
    assertThat(count(metrics, "/shop/WidgetResource/get/responses/2xx")).isEqualTo(2);
    assertThat(count(metrics, "/shop/WidgetResource/get/responses/4xx")).isEqualTo(1);
    assertThat(count(metrics, "/shop/WidgetResource/get/errors")).isZero();
    assertThat(count(metrics, "/shop/WidgetResource/lookup")).isEqualTo(3);
    assertThat(count(metrics, "/shop/WidgetResource/misses")).isEqualTo(1);
    assertThat(count(metrics, "/shop/GadgetResource/lookup")).isEqualTo(1);
    assertThat(count(metrics, "/shop/GadgetResource/misses")).isZero();
    assertThat(count(metrics, "/shop/GadgetResource/list/latency")).isZero();
    assertThat(metrics.at("/shop/CatalogResource").isMissingNode())
        .as("the abstract base has no metrics of its own").isTrue();
    assertThat(count(metrics, "/shop/Warehouse/ship")).isEqualTo(3);
    assertThat(count(metrics, "/shop/OrderResource/place/responses/2xx")).isEqualTo(3);
    JsonNode quantities = metrics.at("/shop/OrderResource/quantities");
    assertThat(quantities.get("count").asLong()).isEqualTo(3);
    assertThat(quantities.get("min").asDouble()).isEqualTo(2.0);
    assertThat(quantities.get("max").asDouble()).isEqualTo(11.0);
    assertThat(count(metrics, "/shop/OrderResource/cancel/errors")).isEqualTo(2);
    assertThat(count(metrics, "/shop/OrderResource/cancel/responses/5xx")).isEqualTo(2);
    assertThat(count(metrics, "/http/unmatched/4xx")).isEqualTo(1);
    assertThat(count(metrics, "/http/unmatched/2xx"))
        .as("GET /metrics, not timed, still matched a resource method").isZero();
    assertThat(serverLog.get()).contains("POST " + contextPath + "orders/41/cancel",
        "IllegalStateException: order 41 has already shipped");

    HttpResponse<String> text = shop.send("GET", "metrics", "Accept",
        "text/plain;version=0.0.4");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("text/plain"));
    assertThat(text.body().lines()).contains(
        "shop_widget_resource_list_latency_seconds_count 3",
        "shop_widget_resource_get_responses_4xx_total 1",
        "shop_widget_resource_lookup_seconds_count 3",
        "shop_gadget_resource_lookup_seconds_count 1",
        "shop_warehouse_ship_seconds_count 3",
        "shop_order_resource_quantities_count 3",
        "shop_order_resource_quantities_sum 18",
        "shop_order_resource_cancel_errors_total 2",
        "http_unmatched_4xx_total 1");
    Promtool.Result lint = Promtool.get().checkMetrics(text.body());
    assertThat(lint.isClean()).as(lint.output()).isTrue();
    HttpResponse<String> openMetrics = shop.send("GET", "metrics/shop/Warehouse", "Accept",
        "application/openmetrics-text");
    assertThat(openMetrics.body()).contains("shop_warehouse_ship_seconds_count 3")
        .endsWith("# EOF\n");
  }
}
