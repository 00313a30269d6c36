package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.HistogramSnapshot;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SampleSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenMetricsFormatTest {

  @Test
  void writesEachKindWithTypeUnitHelpAndEof() {
    assertThat(OpenMetricsFormat.toString(Fixtures.handBuilt())).isEqualTo("""
        # TYPE jobs_in_flight gauge
        # HELP jobs_in_flight Counter jobs.inFlight
        jobs_in_flight -3
        # TYPE jobs_queue_size gauge
        # HELP jobs_queue_size Gauge jobs.queueSize
        jobs_queue_size 2.5
        # TYPE my_http_endpoints_widget_resource_latency_seconds summary
        # UNIT my_http_endpoints_widget_resource_latency_seconds seconds
        # HELP my_http_endpoints_widget_resource_latency_seconds Timer \
        my.http.endpoints.WidgetResource.latency: durations in seconds; quantiles over the \
        recent window
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.5"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.75"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.95"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.98"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.99"} 2
        my_http_endpoints_widget_resource_latency_seconds{quantile="0.999"} 2
        my_http_endpoints_widget_resource_latency_seconds_sum 3
        my_http_endpoints_widget_resource_latency_seconds_count 2
        # TYPE payload_bytes summary
        # HELP payload_bytes Histogram payload.bytes: quantiles over the recent window
        payload_bytes{quantile="0.5"} 200
        payload_bytes{quantile="0.75"} 300
        payload_bytes{quantile="0.95"} 300
        payload_bytes{quantile="0.98"} 300
        payload_bytes{quantile="0.99"} 300
        payload_bytes{quantile="0.999"} 300
        payload_bytes_sum 600
        payload_bytes_count 3
        # TYPE requests counter
        # HELP requests Meter requests: events
        requests_total 42
        # TYPE requests_m1_rate gauge
        # HELP requests_m1_rate Meter requests: one-minute rate, events per second
        requests_m1_rate 0.5
        # TYPE requests_m5_rate gauge
        # HELP requests_m5_rate Meter requests: five-minute rate, events per second
        requests_m5_rate 0.25
        # TYPE requests_m15_rate gauge
        # HELP requests_m15_rate Meter requests: fifteen-minute rate, events per second
        requests_m15_rate 0.125
        # EOF
        """);
  }

  @Test
  void anEmptyRegistryIsJustEof() {
    assertThat(OpenMetricsFormat.toString(RegistrySnapshot.empty())).isEqualTo("# EOF\n");
  }

  @Test
  void aNegativeSumIsLeftOutBecauseOpenMetricsSumsAreCounters() {
    RegistrySnapshot snapshot = new RegistrySnapshot(List.of(new HistogramSnapshot("delta", 2,
        -43, SampleSnapshot.of(new long[] {-40, -3}, new double[] {1, 1}))));

    assertThat(OpenMetricsFormat.toString(snapshot)).doesNotContain("delta_sum")
        .contains("delta_count 2\n", "delta{quantile=\"0.5\"} -3\n");
    assertThat(PrometheusTextFormat.toString(snapshot)).contains("delta_sum -43\n");
  }

  @Test
  void helpEscapesQuotesToo() {
    String text = OpenMetricsFormat.toString(Fixtures.richRegistry().snapshot());

    assertThat(text).contains("# HELP odd_quoted_name Gauge odd.\\\"quoted\\\\name\\\"\n")
        .endsWith("# EOF\n");
  }
}
