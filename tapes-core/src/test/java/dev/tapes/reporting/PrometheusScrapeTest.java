package dev.tapes.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.PrometheusServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus server scrapes an {@link HttpReporter}: it negotiates OpenMetrics, whose
 * strict parser promtool lacks, so this is what proves our OpenMetrics output valid.
 */
class PrometheusScrapeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void prometheusScrapesOpenMetricsWithoutErrorAndReadsTheValues() {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    registry.timer("my.http.endpoints.WidgetResource.latency").update(Duration.ofMillis(20));
    registry.timer("my.http.endpoints.HTTPServer.idle");
    registry.meter("my.http.endpoints.WidgetResource.error_rate").mark(3);
    registry.meter("jobs.done.total").mark(7);
    registry.counter("jobs.inFlight").decrement(2);
    registry.counter("sessions.total").increment();
    registry.histogram("temperature.delta").update(-40);
    registry.histogram("nothing.yet");
    registry.gauge("pool.broken", () -> Double.NaN);
    registry.gauge("pool.infinite", () -> Double.NEGATIVE_INFINITY);
    registry.gauge("odd.\"quoted\\name\"", () -> 1);
    clock.advance(Duration.ofSeconds(6));
    try (HttpReporter reporter = new HttpReporter(0, registry)) {
      reporter.start();
      try (PrometheusServer prometheus = PrometheusServer.scraping(
          "127.0.0.1:" + reporter.getPort(), "/metrics")) {

        Await.until(prometheus::targetIsUp, DEADLINE,
            () -> "a clean scrape; targets: " + prometheus.targets());
        Await.until(() -> prometheus.query("my_http_endpoints_widget_resource_error_rate_total")
            .contains("\"3\""), DEADLINE, () -> "the meter's total in Prometheus");

        assertThat(prometheus.query("jobs_in_flight")).contains("\"-2\"");
        assertThat(prometheus.query("jobs_done_total")).contains("\"7\"");
        assertThat(prometheus.query(
            "my_http_endpoints_widget_resource_latency_seconds{quantile=\"0.99\"}"))
            .contains("\"0.02\"");
        assertThat(prometheus.query("my_http_endpoints_widget_resource_latency_seconds_count"))
            .contains("\"1\"");
        assertThat(prometheus.query("pool_infinite")).contains("\"-Inf\"");
        assertThat(prometheus.query("temperature_delta_count")).contains("\"1\"");
        // OpenMetrics, not text 0.0.4: the counter family is named without _total, and the
        // timer carries its unit.
        assertThat(prometheus.metadata("my_http_endpoints_widget_resource_error_rate"))
            .contains("\"type\":\"counter\"");
        assertThat(prometheus.metadata("my_http_endpoints_widget_resource_latency_seconds"))
            .contains("\"type\":\"summary\"", "\"unit\":\"seconds\"");
      }
    }
  }
}
