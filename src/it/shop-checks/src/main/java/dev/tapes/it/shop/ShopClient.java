package dev.tapes.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP requests to the example shop deployed at {@code base}, and its {@code /metrics}. */
public final class ShopClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  /** {@code base} ends with a slash: {@code http://127.0.0.1:PORT/shop/}. */
  public ShopClient(URI base) {
    this.base = base;
  }

  public HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + base.resolve(path), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Sends the request {@code times} times, each answered {@code status}. */
  public void sendExpecting(int times, int status, String method, String path) {
    for (int i = 0; i < times; i++) {
      HttpResponse<String> response = send(method, path);
      assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
          .isEqualTo(status);
    }
  }

  /** {@code GET /metrics} as JSON, parsed. */
  public JsonNode metrics() {
    HttpResponse<String> response = send("GET", "metrics", "Accept", "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /**
   * Polls {@code /metrics} until the {@code count} of the metric at {@code pointer} ({@code
   * /shop/WidgetResource/list/latency}) is {@code expected}: a request is timed once its response
   * is written, a moment after the client has read it.
   */
  public JsonNode awaitCount(String pointer, long expected) {
    JsonNode[] last = new JsonNode[1];
    Await.until(() -> {
      last[0] = metrics();
      return last[0].at(pointer + "/count").asLong(-1) == expected;
    }, TIMEOUT, () -> pointer + " count " + expected + " in " + last[0]);
    return last[0];
  }

  /** The count of the metric at {@code pointer}, which must exist. */
  public static long count(JsonNode metrics, String pointer) {
    JsonNode count = metrics.at(pointer + "/count");
    assertThat(count.isNumber()).as(pointer + " in " + metrics).isTrue();
    return count.asLong();
  }
}
