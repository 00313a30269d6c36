package dev.tapes.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.SnapshotSource;
import dev.tapes.exposition.OpenMetricsFormat;
import dev.tapes.exposition.PrometheusTextFormat;
import dev.tapes.testkit.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpReporterTest {

  private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
      + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
      + "*/*;q=0.1";

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Registry registry = new Registry(new ManualClock());
  private HttpReporter reporter;

  @BeforeEach
  void start() {
    registry.timer("my.http.endpoints.WidgetResource.latency").update(Duration.ofMillis(20));
    registry.meter("my.http.endpoints.WidgetResource.error_rate").mark(2);
    registry.counter("jobs.inFlight").increment(3);
    registry.histogram("payload.bytes");
    reporter = new HttpReporter(0, registry);
    reporter.start();
  }

  @AfterEach
  void stop() {
    reporter.stop();
  }

  @Test
  void servesJsonByDefaultThatParsesBackToGetStats() throws Exception {
    HttpResponse<String> response = get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    Map<?, ?> parsed = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .readValue(response.body(), Map.class);
    assertThat(parsed.get("jobs")).isEqualTo(Map.of("inFlight", Map.of("value", 3L)));
    assertThat(get("/", null).body()).isEqualTo(response.body());
  }

  @Test
  void servesOpenMetricsToPrometheusAndTextThatPromtoolAccepts() throws Exception {
    HttpResponse<String> openMetrics = get("/metrics", PROMETHEUS_ACCEPT);
    HttpResponse<String> text = get("/metrics", "text/plain;version=0.0.4");

    assertThat(openMetrics.headers().firstValue("Content-Type"))
        .contains(OpenMetricsFormat.CONTENT_TYPE);
    assertThat(openMetrics.body()).endsWith("# EOF\n")
        .isEqualTo(OpenMetricsFormat.toString(registry.snapshot()));
    assertThat(text.headers().firstValue("Content-Type"))
        .contains(PrometheusTextFormat.CONTENT_TYPE);
    assertThat(text.headers().firstValue("Vary")).contains("Accept");
    Promtool.Result result = Promtool.get().checkMetrics(text.body());
    assertThat(result.isClean()).as(result.output()).isTrue();
    assertThat(text.body()).contains("my_http_endpoints_widget_resource_error_rate_total 2\n");
  }

  @Test
  void servesTheSubtreeBelowAPath() throws Exception {
    HttpResponse<String> subtree = get("/metrics/my/http/endpoints", "text/plain");
    HttpResponse<String> leaf = get("/metrics/jobs/inFlight", null);

    assertThat(subtree.statusCode()).isEqualTo(200);
    assertThat(subtree.body()).contains("widget_resource_latency_seconds_count 1")
        .doesNotContain("jobs_in_flight", "payload");
    assertThat(leaf.body()).isEqualTo("{\"jobs\":{\"inFlight\":{\"value\":3}}}");
    assertThat(get("/metrics/my/nothing", null).statusCode()).isEqualTo(404);
  }

  @Test
  void answers404405And406() throws Exception {
    assertThat(get("/elsewhere", null).statusCode()).isEqualTo(404);
    assertThat(get("/metrics", "text/html").statusCode()).isEqualTo(406);
    assertThat(get("/metrics", "text/html").body()).contains("application/json");
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/metrics"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void aFailingSnapshotAnswers500AndTheServerGoesOn() throws Exception {
    Registry registry = new Registry(new ManualClock());
    int[] calls = {0};
    SnapshotSource broken = () -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("broken on purpose");
      }
      return registry.snapshot();
    };
    try (HttpReporter other = new HttpReporter(0, broken)) {
      other.start();
      URI uri = URI.create("http://127.0.0.1:" + other.getPort() + "/metrics");

      assertThat(client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
      assertThat(client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void bindsToLoopbackByDefaultAndStopsIdempotently() throws Exception {
    int port = reporter.getPort();
    assertThat(port).isPositive();
    assertThatThrownBy(() -> new HttpReporter(InetAddress.getLoopbackAddress(), port, registry)
        .start()).isInstanceOf(UncheckedIOException.class).hasMessageContaining("" + port);

    reporter.stop();
    reporter.stop();

    assertThat(reporter.getPort()).isEqualTo(-1);
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + reporter.getPort() + path);
  }
}
