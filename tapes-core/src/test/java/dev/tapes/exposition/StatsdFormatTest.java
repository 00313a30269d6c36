package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.MeterSnapshot;
import dev.tapes.Rates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden StatsD lines of hand-built snapshots: no sockets, no clocks. */
class StatsdFormatTest {

  @Test
  void everyTypeAsTheEtsyDaemonReadsIt() {
    // Timer durations in milliseconds; the counter below zero is reset to 0 first.
    assertThat(StatsdFormat.toString(Fixtures.handBuilt(), "app")).isEqualTo("""
        app.jobs.inFlight:0|g
        app.jobs.inFlight:-3|g
        app.jobs.queueSize:2.5|g
        app.my.http.endpoints.WidgetResource.latency.count:2|c
        app.my.http.endpoints.WidgetResource.latency.m1:0.25|g
        app.my.http.endpoints.WidgetResource.latency.m5:0.125|g
        app.my.http.endpoints.WidgetResource.latency.m15:0.0625|g
        app.my.http.endpoints.WidgetResource.latency.min:1000|g
        app.my.http.endpoints.WidgetResource.latency.max:2000|g
        app.my.http.endpoints.WidgetResource.latency.mean:1500|g
        app.my.http.endpoints.WidgetResource.latency.stddev:500|g
        app.my.http.endpoints.WidgetResource.latency.q50:2000|g
        app.my.http.endpoints.WidgetResource.latency.q75:2000|g
        app.my.http.endpoints.WidgetResource.latency.q95:2000|g
        app.my.http.endpoints.WidgetResource.latency.q98:2000|g
        app.my.http.endpoints.WidgetResource.latency.q99:2000|g
        app.my.http.endpoints.WidgetResource.latency.q999:2000|g
        app.payload.bytes.count:3|c
        app.payload.bytes.min:100|g
        app.payload.bytes.max:300|g
        app.payload.bytes.mean:200|g
        app.payload.bytes.stddev:81.6496580927726|g
        app.payload.bytes.q50:200|g
        app.payload.bytes.q75:300|g
        app.payload.bytes.q95:300|g
        app.payload.bytes.q98:300|g
        app.payload.bytes.q99:300|g
        app.payload.bytes.q999:300|g
        app.requests.count:42|c
        app.requests.m1:0.5|g
        app.requests.m5:0.25|g
        app.requests.m15:0.125|g
        """);
  }

  @Test
  void aCountIsTheIncreaseOverWhatTheDaemonHoldsAndAGaugeBelowZeroIsResetFirst() {
    MeterSnapshot meter = new MeterSnapshot("jobs", 12, Rates.ZERO);
    assertThat(lines(meter, 10)).containsExactly("jobs.count:2|c", "jobs.m1:0|g", "jobs.m5:0|g",
        "jobs.m15:0|g");
    assertThat(lines(meter, 12)).as("nothing new").doesNotContain("jobs.count:0|c");
    assertThat(lines(meter, 20)).as("a recreated metric is sent whole").contains("jobs.count:12|c");
    assertThat(lines(new dev.tapes.CounterSnapshot("queue", -4), 0))
        .containsExactly("queue:0|g\nqueue:-4|g");
  }

  @Test
  void keysKeepOnlyWhatStatsdKeeps() {
    assertThat(StatsdFormat.sanitize("odd:name|x y")).isEqualTo("odd_name_x_y");
    assertThat(StatsdFormat.sanitize("ok.Name-1_2")).isEqualTo("ok.Name-1_2");
  }

  private static List<String> lines(dev.tapes.MetricSnapshot metric, long delivered) {
    List<String> lines = new ArrayList<>();
    StatsdFormat.write(metric, null, delivered, entry -> lines.add(entry.text()));
    return lines;
  }
}
