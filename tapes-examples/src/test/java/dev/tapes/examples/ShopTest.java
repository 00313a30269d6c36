package dev.tapes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's shop on its embedded server, through real HTTP: every metric a user reads on
 * {@code /metrics}, with exact counts. Each test uses resources no other test calls.
 */
class ShopTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  /**
   * HTTP/1.1: after the client's default h2c upgrade offer, Grizzly closed connections the client
   * then reused for a POST, which it does not retry ("header parser received no bytes").
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ShopServer shop;

  @BeforeAll
  static void start() {
    shop = ShopServer.start(0);
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void catalogMetricsAreNamedPerConcreteClass() {
    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "widgets").statusCode()).isEqualTo(200);
    }
    assertThat(send("GET", "widgets/w1").body()).isEqualTo(
        "{\"id\":\"w1\",\"name\":\"sprocket\",\"stock\":12}");
    assertThat(send("GET", "widgets/w2").statusCode()).isEqualTo(200);
    assertThat(send("GET", "widgets/w9").statusCode()).isEqualTo(404);
    assertThat(send("GET", "gadgets/g1").statusCode()).isEqualTo(200);

    JsonNode shop = awaitMetrics("shop", "/shop/WidgetResource/get/latency/count", 3);
    assertThat(count(shop, "/shop/WidgetResource/list/latency")).isEqualTo(3);
    assertThat(count(shop, "/shop/WidgetResource/list/responses/2xx")).isEqualTo(3);
    assertThat(count(shop, "/shop/WidgetResource/get/responses/2xx")).isEqualTo(2);
    assertThat(count(shop, "/shop/WidgetResource/get/responses/4xx")).isEqualTo(1);
    assertThat(count(shop, "/shop/WidgetResource/get/errors")).isZero();
    assertThat(count(shop, "/shop/WidgetResource/lookup")).isEqualTo(3);
    assertThat(count(shop, "/shop/WidgetResource/misses")).isEqualTo(1);
    assertThat(count(shop, "/shop/GadgetResource/lookup")).isEqualTo(1);
    assertThat(count(shop, "/shop/GadgetResource/misses")).isZero();
    assertThat(shop.get("shop").has("CatalogResource")).as("the abstract base has no metrics")
        .isFalse();
  }

  @Test
  void ordersAreTimedUntilShippedAndFailuresAreCounted() {
    List<Integer> quantities = List.of(1, 3, 12, 7);
    for (int quantity : quantities) {
      HttpResponse<String> placed = send("POST", "orders?item=w2&quantity=" + quantity);
      assertThat(placed.statusCode()).isEqualTo(200);
      assertThat(placed.body()).contains("\"quantity\":" + quantity, "\"status\":\"shipped\"");
    }
    assertThat(send("POST", "orders/17/cancel").statusCode()).isEqualTo(500);
    assertThat(send("POST", "orders/18/cancel").statusCode()).isEqualTo(500);

    JsonNode shop = awaitMetrics("shop", "/shop/OrderResource/place/latency/count", 4);
    assertThat(count(shop, "/shop/Warehouse/ship")).isEqualTo(4);
    JsonNode sizes = shop.at("/shop/OrderResource/quantities");
    assertThat(sizes.get("count").asLong()).isEqualTo(4);
    assertThat(sizes.get("min").asDouble()).isEqualTo(1.0);
    assertThat(sizes.get("max").asDouble()).isEqualTo(12.0);
    // The warehouse ships at least 5 ms later: the request is timed until then, not until the
    // resource method returned its CompletionStage.
    assertThat(shop.at("/shop/OrderResource/place/latency/min").asDouble()).isGreaterThan(0.005);
    JsonNode cancel = awaitMetrics("shop", "/shop/OrderResource/cancel/latency/count", 2)
        .at("/shop/OrderResource/cancel");
    assertThat(cancel.at("/errors/count").asLong()).isEqualTo(2);
    assertThat(cancel.at("/responses/5xx/count").asLong()).isEqualTo(2);
  }

  @Test
  void prometheusTextOfTheShopPassesPromtool() {
    assertThat(send("GET", "gadgets").statusCode()).isEqualTo(200);
    awaitMetrics("shop/GadgetResource", "/shop/GadgetResource/list/latency/count", 1);

    HttpResponse<String> text = send("GET", "metrics", "Accept", "text/plain;version=0.0.4");

    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.body()).contains("shop_gadget_resource_list_latency_seconds_count 1",
        "# TYPE shop_warehouse_ship_seconds summary");
    Promtool.Result result = Promtool.get().checkMetrics(text.body());
    assertThat(result.isClean()).as(result.output()).isTrue();
  }

  /** Polls {@code /metrics/subtree} until the count at {@code pointer} is {@code expected}. */
  private static JsonNode awaitMetrics(String subtree, String pointer, long expected) {
    JsonNode[] last = new JsonNode[1];
    Await.until(() -> {
      last[0] = parse(send("GET", "metrics/" + subtree).body());
      return last[0].at(pointer).asLong(-1) == expected;
    }, DEADLINE, () -> pointer + " = " + expected + " in " + last[0]);
    return last[0];
  }

  private static long count(JsonNode metrics, String pointer) {
    JsonNode count = metrics.at(pointer + "/count");
    assertThat(count.isMissingNode()).as(pointer + " in " + metrics).isFalse();
    return count.asLong();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  private static HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(shop.uri().resolve(path))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(DEADLINE);
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
