package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tapes.Timer;
import dev.tapes.reporting.HttpReporter;
import dev.tapes.testkit.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's multi-process example (the seed's Tornado one), on free ports. */
class ReadmeExampleTest {

  @Test
  @SuppressWarnings("try") // the README's try-with-resources timing, context unused in the body
  void theTimedHandlerShowsUpInTheAggregatorsHttpEndpoint() throws Exception {
    RegistryAggregator aggregator = new RegistryAggregator("tcp://127.0.0.1:*");
    HttpReporter reporter = new HttpReporter(0, aggregator.registry());
    reporter.start();
    aggregator.start();

    DistributedRegistry registry = DistributedRegistry.builder(aggregator.getEndpoint())
        .closeOnShutdown(false).build();
    Timer timer = registry.timer("my.timer");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (Timer.Context context = timer.time()) {
        byte[] body = "finished".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      }
    });
    server.start();
    registry.connect();
    HttpClient client = HttpClient.newHttpClient();
    try {
      URI app = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      for (int i = 0; i < 3; i++) {
        assertThat(client.send(HttpRequest.newBuilder(app).build(),
            HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("finished");
      }

      URI metrics = URI.create("http://127.0.0.1:" + reporter.getPort() + "/metrics/my");
      Await.until(() -> get(client, metrics).contains("\"count\":3,"), Duration.ofSeconds(20),
          () -> get(client, metrics));
    } finally {
      server.stop(0);
      registry.close();
      aggregator.stop();
      reporter.stop();
    }
  }

  private static String get(HttpClient client, URI uri) {
    try {
      return client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
