package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.testkit.Promtool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusTextFormatTest {

  @Test
  void writesEachKindAsDocumented() {
    assertThat(PrometheusTextFormat.toString(Fixtures.handBuilt())).isEqualTo("""
        # HELP jobs_in_flight Counter jobs.inFlight
        # TYPE jobs_in_flight gauge
        jobs_in_flight -3
        # HELP jobs_queue_size Gauge jobs.queueSize
        # TYPE jobs_queue_size gauge
        jobs_queue_size 2.5
        # HELP my_http_endpoints_widget_resource_latency_seconds Timer \
        my.http.endpoints.WidgetResource.latency: durations in seconds; quantiles over the \
        recent window
        # TYPE my_http_endpoints_widget_resource_latency_seconds summary
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.5"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.75"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.95"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.98"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.99"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.999"} 2
        my_http_endpoints_widget_resource_latency_seconds_sum 3
        my_http_endpoints_widget_resource_latency_seconds_count 2
        # HELP payload_bytes Histogram payload.bytes: quantiles over the recent window
        # TYPE payload_bytes summary
        payload_bytes{quantile="0.5"} 200
        payload_bytes{quantile="0.75"} 300
        payload_bytes{quantile="0.95"} 300
        payload_bytes{quantile="0.98"} 300
        payload_bytes{quantile="0.99"} 300
        payload_bytes{quantile="0.999"} 300
        payload_bytes_sum 600
        payload_bytes_count 3
        # HELP requests_total Meter requests: events
        # TYPE requests_total counter
        requests_total 42
        # HELP requests_m1_rate Meter requests: one-minute rate, events per second
        # TYPE requests_m1_rate gauge
        requests_m1_rate 0.5
        # HELP requests_m5_rate Meter requests: five-minute rate, events per second
        # TYPE requests_m5_rate gauge
        requests_m5_rate 0.25
        # HELP requests_m15_rate Meter requests: fifteen-minute rate, events per second
        # TYPE requests_m15_rate gauge
        requests_m15_rate 0.125
        """);
  }

  @Test
  void promtoolFindsNoProblemInRichRealOutput() {
    String text = PrometheusTextFormat.toString(Fixtures.richRegistry().snapshot());

    Promtool.Result result = Promtool.get().checkMetrics(text);

    assertThat(result.isClean()).as("promtool said:\n%s\nabout:\n%s", result.output(), text)
        .isTrue();
    assertThat(text).contains("pool_broken NaN", "pool_infinite -Inf",
        "pool_huge 1.7976931348623157E308", "jobs_in_flight -12",
        "_2xx_responses 9223372036854775807", "temperature_delta_sum -43",
        "my_http_endpoints_http_server_idle_seconds{quantile=\"0.99\"} NaN",
        "# HELP odd_quoted_name Gauge odd.\"quoted\\\\name\"", "sessions_total_value 1",
        "jobs_done_total 2305843009213693951");
  }

  @Test
  void promtoolFindsNoProblemInAnEmptyRegistryOrAThousandTimers() {
    assertThat(PrometheusTextFormat.toString(RegistrySnapshot.empty())).isEmpty();
    Registry registry = new Registry(new dev.tapes.ManualClock());
    for (int i = 0; i < 1000; i++) {
      registry.timer("service" + (i % 10) + ".Endpoint" + i + ".latency")
          .update(Duration.ofMillis(i));
    }

    Promtool.Result result = Promtool.get().checkMetrics(
        PrometheusTextFormat.toString(registry.snapshot()));

    assertThat(result.isClean()).as(result.output()).isTrue();
  }

  @Test
  void theStreamAndTheStringHaveTheSameUtf8Text() throws Exception {
    RegistrySnapshot snapshot = Fixtures.richRegistry().snapshot();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PrometheusTextFormat.write(snapshot, bytes);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(PrometheusTextFormat.toString(snapshot)).contains("odd.café");
  }

  @Test
  void longOutputIsPassedOnInChunksToAnyAppendable() throws Exception {
    Registry registry = new Registry(new dev.tapes.ManualClock());
    for (int i = 0; i < 1000; i++) {
      registry.gauge("g\u00e9" + i + ".\uD83D\uDE00", () -> 1);
    }
    RegistrySnapshot snapshot = registry.snapshot();
    java.io.StringWriter writer = new java.io.StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PrometheusTextFormat.write(snapshot, writer);
    PrometheusTextFormat.write(snapshot, bytes);

    String expected = PrometheusTextFormat.toString(snapshot);
    assertThat(expected.length()).isGreaterThan(3 * 8192);
    assertThat(writer.toString()).isEqualTo(expected);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
