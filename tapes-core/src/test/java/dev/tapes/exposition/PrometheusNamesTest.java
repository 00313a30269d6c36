package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.Rates;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SampleSnapshot;
import dev.tapes.TimerSnapshot;
import dev.tapes.testkit.LogCapture;
import dev.tapes.testkit.Promtool;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my.http.endpoints.WidgetResource.latency | my_http_endpoints_widget_resource_latency",
      "HTTPServer.requestCount                  | http_server_request_count",
      "getHTTP2Response                         | get_http2_response",
      "a..b                                     | a_b",
      "a-b:c/d                                  | a_b_c_d",
      "_private.x_                              | private_x",
      "2xx.count                                | _2xx_count",
      "caf\u00e9.size                           | caf_size",
      "\u00e9                                   | _",
      "already_snake.case                       | already_snake_case",
      "ABC                                      | abc",
  })
  void mapsDottedNamesToSnakeCase(String dotted, String expected) {
    assertThat(PrometheusNames.of(dotted)).isEqualTo(expected);
  }

  @Test
  void familiesAddUnitsAndAvoidReservedSuffixes() {
    SampleSnapshot empty = SampleSnapshot.of(new long[0], new double[0]);
    assertThat(PrometheusNames.family(new TimerSnapshot("a.latency", 0, 0, Rates.ZERO, empty)))
        .isEqualTo("a_latency_seconds");
    assertThat(PrometheusNames.family(new TimerSnapshot("a.seconds", 0, 0, Rates.ZERO, empty)))
        .isEqualTo("a_seconds");
    assertThat(PrometheusNames.family(new MeterSnapshot("jobs.total", 0, Rates.ZERO)))
        .isEqualTo("jobs");
    assertThat(PrometheusNames.family(new MeterSnapshot("total", 0, Rates.ZERO)))
        .isEqualTo("total");
    assertThat(PrometheusNames.family(new CounterSnapshot("sessions.total", 0)))
        .isEqualTo("sessions_total_value");
    assertThat(PrometheusNames.family(new GaugeSnapshot("rows.count", 0)))
        .isEqualTo("rows_count_value");
    assertThat(PrometheusNames.family(new HistogramSnapshot("x.sum", 0, 0, empty)))
        .isEqualTo("x_sum_value");
  }

  @Test
  void collidingNamesKeepTheFirstInNameOrderAndWarnOnceNamingBoth() {
    RegistrySnapshot snapshot = new RegistrySnapshot(List.of(
        new GaugeSnapshot("jobs.inFlight", 1),
        new GaugeSnapshot("jobs.in_flight", 2),
        new MeterSnapshot("q", 5, Rates.ZERO),
        new GaugeSnapshot("qM1Rate", 3)));
    String text;
    try (LogCapture log = LogCapture.of(PrometheusNames.class)) {
      text = PrometheusTextFormat.toString(snapshot);
      PrometheusTextFormat.toString(snapshot);
      OpenMetricsFormat.toString(snapshot);

      assertThat(log.messages(Level.WARNING)).hasSize(2);
      assertThat(log.messages(Level.WARNING).get(0))
          .contains("'jobs.in_flight'", "'jobs.inFlight'", "'jobs_in_flight'");
      assertThat(log.messages(Level.WARNING).get(1)).contains("'qM1Rate'", "'q'", "q_m1_rate");
    }

    assertThat(text).contains("jobs_in_flight 1\n", "q_m1_rate 0\n")
        .doesNotContain("jobs_in_flight 2", "q_m1_rate 3", "qM1Rate");
    Promtool.Result result = Promtool.get().checkMetrics(text);
    assertThat(result.isClean()).as(result.output()).isTrue();
  }

  @Test
  void familiesAreRecomputedWhenTheNamesChange() {
    RegistrySnapshot one = new RegistrySnapshot(List.of(new GaugeSnapshot("a", 1)));
    RegistrySnapshot two = new RegistrySnapshot(List.of(new CounterSnapshot("a", 1)));
    RegistrySnapshot three = new RegistrySnapshot(List.of(new GaugeSnapshot("b", 1)));

    assertThat(PrometheusNames.families(one)).containsExactly("a");
    assertThat(PrometheusNames.families(two)).containsExactly("a");
    assertThat(PrometheusNames.families(three)).containsExactly("b");
    assertThat(PrometheusNames.families(one)).containsExactly("a");
  }
}
