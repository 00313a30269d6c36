package dev.tapes.it.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Distributed mode as a user deploys it: the standalone aggregator command, and three JVMs of the
 * example shop configured to report to it ({@code -Dtapes.distributed.endpoint=...}). Load goes
 * to every worker over HTTP; the aggregator's {@code /metrics} must show exact totals and the
 * quantiles of all the workers' data together.
 */
class ShopClusterIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Path DIRECTORY = Path.of(System.getProperty("it.dir"), "cluster");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The sketch's guarantee, 1/128 of the value, and a little for the decimal rendering. */
  private static final double QUANTILE_ERROR_PERCENT = 100.0 / 128 + 0.001;

  private static JavaProcess aggregator;
  private static String endpoint;
  private static URI metrics;
  private static final List<JavaProcess> WORKERS = new ArrayList<>();
  private static final List<URI> SHOPS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    aggregator = JavaProcess.start("aggregator", DIRECTORY, List.of("-jar",
        System.getProperty("aggregator.jar"), "--bind", "tcp://127.0.0.1:*", "--http", "0",
        "--no-state"));
    endpoint = aggregator.awaitLine("endpoint ", DEADLINE);
    metrics = URI.create(aggregator.awaitLine("http ", DEADLINE));
    for (int i = 1; i <= 3; i++) {
      WORKERS.add(startWorker("worker-" + i));
    }
    for (JavaProcess worker : WORKERS) {
      SHOPS.add(awaitShop(worker));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (JavaProcess worker : WORKERS) {
      worker.close();
    }
    if (aggregator != null) {
      aggregator.close();
    }
  }

  @Test
  void aggregatorShowsExactTotalsAndTheQuantilesOfAllWorkersData() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Long> quantities = new ArrayList<>();
    int widgets = 0;
    for (int i = 0; i < SHOPS.size(); i++) {
      for (int request = 0; request < 4 + i; request++, widgets++) {
        assertThat(send("GET", SHOPS.get(i).resolve("widgets")).statusCode()).isEqualTo(200);
      }
      for (int order = 0; order < 40; order++) {
        long quantity = 1 + random.nextInt(1000);
        quantities.add(quantity);
        assertThat(send("POST", SHOPS.get(i).resolve("orders?quantity=" + quantity))
            .statusCode()).as("seed " + seed).isEqualTo(200);
      }
    }

    long orders = quantities.size();
    long expectedWidgets = widgets;
    JsonNode cluster = awaitMetrics(all -> count(all, "/shop/WidgetResource/list/latency")
        == expectedWidgets && count(all, "/shop/OrderResource/quantities") == orders
        && count(all, "/shop/Warehouse/ship") == orders);
    assertThat(cluster.at("/tapes/aggregator/processes/live/value").asInt()).isEqualTo(3);
    assertThat(count(cluster, "/shop/OrderResource/place/responses/2xx")).isEqualTo(orders);
    JsonNode merged = cluster.at("/shop/OrderResource/quantities");
    List<Long> sorted = quantities.stream().sorted().toList();
    assertThat(merged.get("min").asLong()).isEqualTo(sorted.get(0));
    assertThat(merged.get("max").asLong()).isEqualTo(sorted.get(sorted.size() - 1));
    String[] keys = {"q50", "q75", "q95", "q98", "q99", "q999"};
    double[] levels = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    for (int k = 0; k < keys.length; k++) {
      long exact = sorted.get((int) Math.floor(levels[k] * (sorted.size() - 1)));
      assertThat(merged.get(keys[k]).asDouble()).as("%s of %s (seed %d)", keys[k], sorted, seed)
          .isCloseTo(exact, withinPercentage(QUANTILE_ERROR_PERCENT));
    }

    HttpResponse<String> text = send("GET", metrics, "Accept", "text/plain;version=0.0.4");
    assertThat(text.body().lines()).contains("shop_order_resource_quantities_count " + orders,
        "shop_widget_resource_list_latency_seconds_count " + widgets);
    Promtool.Result lint = Promtool.get().checkMetrics(text.body());
    assertThat(lint.isClean()).as(lint.output()).isTrue();
  }

  @Test
  void aWorkersCountsOutliveIt() throws Exception {
    JavaProcess worker = startWorker("short-lived");
    try {
      URI shop = awaitShop(worker);
      long before = count(fetchMetrics(), "/shop/GadgetResource/get/latency");
      for (int i = 0; i < 5; i++) {
        assertThat(send("GET", shop.resolve("gadgets/g1")).statusCode()).isEqualTo(200);
      }

      // SIGTERM: the worker's container stops and its proxy ships the last state.
      assertThat(worker.stop()).isEqualTo(143);
      assertThat(worker.output()).contains("stopped");
      awaitMetrics(all -> count(all, "/shop/GadgetResource/get/latency") == before + 5);
    } finally {
      worker.close();
    }
  }

  private static JavaProcess startWorker(String name) throws IOException {
    String classpath = Files.readString(Path.of(System.getProperty("worker.classpath"))).trim();
    return JavaProcess.start(name, DIRECTORY, List.of(
        "-Dtapes.distributed.endpoint=" + endpoint,
        "-Dtapes.distributed.process-name=" + name,
        "-cp", classpath, "dev.tapes.examples.Worker"));
  }

  /** The shop's address, from the worker's line {@code worker NAME http://127.0.0.1:PORT/}. */
  private static URI awaitShop(JavaProcess worker) {
    String[] words = worker.awaitLine("worker ", DEADLINE).split(" ");
    return URI.create(words[1]);
  }

  private interface Condition {
    boolean holds(JsonNode metrics);
  }

  private static JsonNode awaitMetrics(Condition condition) {
    JsonNode[] last = new JsonNode[1];
    Await.until(() -> condition.holds(last[0] = fetchMetrics()), DEADLINE,
        () -> "the aggregator's metrics; last: " + last[0]);
    return last[0];
  }

  private static JsonNode fetchMetrics() {
    HttpResponse<String> response = send("GET", metrics);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** The count at {@code pointer}, 0 where there is no such metric yet. */
  private static long count(JsonNode metrics, String pointer) {
    return metrics.at(pointer + "/count").asLong(0);
  }

  private static HttpResponse<String> send(String method, URI uri, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
