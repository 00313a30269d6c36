package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.exposition.OpenMetricsFormat;
import dev.tapes.exposition.PrometheusTextFormat;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.PrometheusServer;
import dev.tapes.testkit.Promtool;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on plain Jersey over real HTTP: formats, subtrees, 404, 406, roles. */
class MetricsResourceTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);
  private JerseyServer server;

  @BeforeEach
  void fillRegistry() {
    registry.timer("my.http.WidgetResource.latency").update(Duration.ofMillis(20));
    registry.meter("my.http.WidgetResource.errors").mark(2);
    registry.counter("jobs.inFlight").increment(3);
    registry.timer("jobs.idle"); // an empty window: NaN statistics
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    registry.close();
  }

  @Test
  void answersTheStatsTreeAsJsonByDefaultThroughJsonB() throws Exception {
    start(TapesFeature.builder().registry(registry));

    HttpResponse<String> response = server.get("metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/json");
    Map<String, Object> tree = parse(response.body());
    Map<String, Object> latency = path(tree, "my", "http", "WidgetResource", "latency");
    assertThat(latency.get("count")).isEqualTo(BigDecimal.ONE);
    assertThat(((BigDecimal) latency.get("q50")).doubleValue()).isBetween(0.0198, 0.0202);
    assertThat(path(tree, "jobs", "inFlight").get("value")).isEqualTo(BigDecimal.valueOf(3));
    Map<String, Object> idle = path(tree, "jobs", "idle");
    assertThat(idle).containsEntry("count", BigDecimal.ZERO).containsKey("q50");
    assertThat(idle.get("q50")).as("NaN as null").isNull();
    assertThat(server.get("metrics", "Accept", "application/json").body())
        .isEqualTo(response.body());
  }

  @Test
  void answersPrometheusTextThatPromtoolAccepts() {
    start(TapesFeature.builder().registry(registry));

    HttpResponse<String> response = server.get("metrics", "Accept", "text/plain;version=0.0.4");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(MediaType.valueOf(PrometheusTextFormat.CONTENT_TYPE));
    assertThat(response.headers().firstValue("Vary")).contains("Accept");
    assertThat(response.body())
        .contains("my_http_widget_resource_latency_seconds_count 1\n")
        .contains("my_http_widget_resource_errors_total 2\n");
    Promtool.Result result = Promtool.get().checkMetrics(response.body());
    assertThat(result.isClean()).as(result.output()).isTrue();
  }

  @Test
  void answersOpenMetricsToPrometheusScrapers() {
    start(TapesFeature.builder().registry(registry));
    String prometheusAccept = "application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
        + "*/*;q=0.1";

    HttpResponse<String> response = server.get("metrics", "Accept", prometheusAccept);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(MediaType.valueOf(OpenMetricsFormat.CONTENT_TYPE));
    assertThat(response.body()).isEqualTo(OpenMetricsFormat.toString(registry.snapshot()))
        .endsWith("# EOF\n");
    // promtool lints with the text format's rules, where a counter's HELP names the _total
    // series; OpenMetrics names the family without it. That is the only complaint allowed.
    Promtool.Result result = Promtool.get().checkMetrics(response.body());
    assertThat(result.output().lines().filter(line -> !line.matches("\\S+_total no help text")))
        .as(result.output()).isEmpty();
  }

  @Test
  void aRealPrometheusScrapesTheEndpointAsOpenMetrics() {
    start(TapesFeature.builder().registry(registry));

    try (PrometheusServer prometheus = PrometheusServer.scraping(server.address(), "/metrics")) {
      Await.until(prometheus::targetIsUp, Duration.ofSeconds(30),
          () -> "a clean scrape; targets: " + prometheus.targets());
      Await.until(() -> prometheus.query("my_http_widget_resource_errors_total").contains("\"2\""),
          Duration.ofSeconds(30), () -> "the meter's total in Prometheus");

      assertThat(prometheus.query("my_http_widget_resource_latency_seconds_count"))
          .contains("\"1\"");
      assertThat(prometheus.query("jobs_in_flight")).contains("\"3\"");
      // Prometheus asked for OpenMetrics and got it: the counter family has no _total.
      assertThat(prometheus.metadata("my_http_widget_resource_errors"))
          .contains("\"type\":\"counter\"");
    }
  }

  @Test
  void answersTheSubtreeBelowAPathOr404() throws Exception {
    start(TapesFeature.builder().registry(registry));

    HttpResponse<String> subtree = server.get("metrics/my/http");
    HttpResponse<String> text = server.get("metrics/jobs", "Accept", "text/plain");

    assertThat(subtree.statusCode()).isEqualTo(200);
    assertThat(parse(subtree.body())).containsOnlyKeys("my");
    assertThat(path(parse(subtree.body()), "my", "http", "WidgetResource"))
        .containsOnlyKeys("latency", "errors");
    assertThat(text.body()).contains("jobs_in_flight 3\n").doesNotContain("widget");
    assertThat(server.get("metrics/my/nothing").statusCode()).isEqualTo(404);
    assertThat(server.get("metrics/my/http/WidgetResource/latency/count").statusCode())
        .isEqualTo(404);
    assertThat(server.get("metrics/..%2F..").statusCode()).isEqualTo(404);
  }

  @Test
  void answers406WhenNoFormatIsAcceptable() {
    start(TapesFeature.builder().registry(registry));

    HttpResponse<String> response = server.get("metrics", "Accept", "image/png");

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.body()).contains("application/json", "text/plain; version=0.0.4");
    assertThat(server.get("metrics/my/http", "Accept", "text/html").statusCode()).isEqualTo(406);
  }

  @Test
  void aConfiguredRoleAnswers401WithoutAUserAnd403WithoutTheRole() {
    start(TapesFeature.builder().registry(registry).metricsRole("ops"));

    HttpResponse<String> anonymous = server.get("metrics");
    HttpResponse<String> developer = server.get("metrics", HeaderAuthentication.HEADER, "dev");
    HttpResponse<String> operator = server.get("metrics", HeaderAuthentication.HEADER, "ops");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(developer.statusCode()).isEqualTo(403);
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(server.get("metrics/jobs", HeaderAuthentication.HEADER, "dev").statusCode())
        .isEqualTo(403);
  }

  @Test
  void theRoleIsReadFromSystemProperties() {
    System.setProperty(Settings.METRICS_ROLE, "ops");
    try {
      start(TapesFeature.builder().registry(registry));
    } finally {
      System.clearProperty(Settings.METRICS_ROLE);
    }

    assertThat(server.get("metrics").statusCode()).isEqualTo(401);
    assertThat(server.get("metrics", HeaderAuthentication.HEADER, "ops").statusCode())
        .isEqualTo(200);
  }

  @Test
  void metricsEndpointCanBeTimedWhenConfigured() {
    start(TapesFeature.builder().registry(registry).timeMetricsEndpoint(true));

    assertThat(server.get("metrics").statusCode()).isEqualTo(200);

    assertThat(registry.getMetrics()).containsKey("http.MetricsResource.all.latency");
  }

  @Test
  void aSubclassServesAnotherPath() {
    start(TapesFeature.builder().registry(registry).metricsEndpoint(false)
        .nameTemplate("api.{}.{method}"), new AdminMetrics(registry));

    assertThat(server.get("admin/metrics/jobs").body()).contains("\"inFlight\"");
    assertThat(server.get("metrics").statusCode()).isEqualTo(404);
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.startsWith("api."));
  }

  /** Another path for the metrics, as the README tells users to write it. */
  @jakarta.ws.rs.Path("/admin/metrics")
  public static class AdminMetrics extends MetricsResource {
    AdminMetrics(Registry registry) {
      super(registry);
    }
  }

  private void start(TapesFeature.Builder feature, Object... resources) {
    ResourceConfig application = new ResourceConfig()
        .register(new HeaderAuthentication())
        .register(feature.build());
    for (Object resource : resources) {
      application.register(resource);
    }
    server = JerseyServer.start(application);
  }

  private static MediaType contentType(HttpResponse<String> response) {
    return MediaType.valueOf(response.headers().firstValue("Content-Type").orElseThrow());
  }

  @SuppressWarnings({"unchecked", "try"})
  private static Map<String, Object> parse(String json) throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.fromJson(json, Map.class);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> path(Map<String, Object> tree, String... keys) {
    Map<String, Object> node = tree;
    for (String key : keys) {
      assertThat(node).as("key " + key).containsKey(key);
      node = (Map<String, Object>) node.get(key);
    }
    return node;
  }
}
