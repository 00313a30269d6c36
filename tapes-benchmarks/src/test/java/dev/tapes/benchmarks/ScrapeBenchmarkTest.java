package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scrape writes what the benchmark says it does: each of the 1,000 timers, with its
 * 1,000 recordings, in every library and format. A scrape of fewer or emptier timers would
 * flatter whoever it was.
 */
class ScrapeBenchmarkTest {

  private static final ScrapeBenchmark BENCHMARK = new ScrapeBenchmark();
  private static TapesScrapeState tapes;
  private static PrometheusScrapeState prometheus;
  private static MicrometerScrapeState micrometer;
  private static DropwizardScrapeState dropwizard;

  @BeforeAll
  static void setUp() {
    tapes = new TapesScrapeState();
    tapes.setUp();
    prometheus = new PrometheusScrapeState();
    prometheus.setUp();
    micrometer = new MicrometerScrapeState();
    micrometer.setUp();
    dropwizard = new DropwizardScrapeState();
    dropwizard.setUp();
  }

  @Test
  void everyTextScrapeCountsEveryRecordingOfEveryTimer() throws Exception {
    BENCHMARK.tapesPrometheusText(tapes);
    assertEveryTimerCounted(tapes.out);
    BENCHMARK.tapesOpenMetrics(tapes);
    assertEveryTimerCounted(tapes.out);
    BENCHMARK.prometheusClassicText(prometheus);
    assertEveryTimerCounted(prometheus.out);
    BENCHMARK.prometheusSummaryText(prometheus);
    assertEveryTimerCounted(prometheus.out);
    BENCHMARK.micrometerText(micrometer);
    assertEveryTimerCounted(micrometer.out);
    BENCHMARK.micrometerHistogramText(micrometer);
    assertEveryTimerCounted(micrometer.out);
  }

  @Test
  void tapesJsonHoldsEveryTimerWithQuantilesOverAFullWindow() throws Exception {
    int bytes = BENCHMARK.tapesJson(tapes);

    assertThat(bytes).isEqualTo(tapes.out.size());
    JsonNode endpoints = new ObjectMapper().readTree(tapes.out.toByteArray()).get("app");
    assertThat(endpoints.size()).isEqualTo(ScrapeData.TIMERS);
    for (Map.Entry<String, JsonNode> endpoint : endpoints.properties()) {
      JsonNode latency = endpoint.getValue().get("latency");
      assertThat(latency.get("count").asLong()).isEqualTo(ScrapeData.RECORDINGS);
      // Spread over the window on a manual clock, the recent values are still in it.
      assertThat(latency.get("q99").isNumber()).as(endpoint.getKey()).isTrue();
    }
    assertThat(BENCHMARK.tapesSnapshot(tapes).metrics()).hasSize(ScrapeData.TIMERS);
  }

  @Test
  void dropwizardJsonHoldsEveryTimer() throws Exception {
    BENCHMARK.dropwizardJson(dropwizard);

    JsonNode timers = new ObjectMapper().readTree(dropwizard.out.toByteArray()).get("timers");
    assertThat(timers.size()).isEqualTo(ScrapeData.TIMERS);
    for (JsonNode timer : timers) {
      assertThat(timer.get("count").asLong()).isEqualTo(ScrapeData.RECORDINGS);
      assertThat(timer.get("duration_units").asText()).isEqualTo("seconds");
    }
  }

  @Test
  void bytesPerScrapeAreWhatEachScrapeWrites() {
    Map<String, Long> bytes = ScrapeTable.bytesPerScrape();

    assertThat(bytes).containsEntry("tapesSnapshot", -1L);
    assertThat(bytes.get("tapesJson")).isGreaterThan(100_000L);
    // 70 cumulative buckets per timer make Micrometer's histogram text the largest by far.
    assertThat(bytes.get("micrometerHistogramText")).isGreaterThan(bytes.get("micrometerText"));
  }

  /** One {@code _count 1000} line per timer, and nothing under another name. */
  private static void assertEveryTimerCounted(ByteArrayOutputStream out) {
    String text = out.toString(StandardCharsets.UTF_8);
    Matcher counts = Pattern.compile("(?m)^app_endpoint(\\d{4})_latency_seconds_count (\\S+)$")
        .matcher(text);
    int timers = 0;
    while (counts.find()) {
      timers++;
      assertThat(Double.parseDouble(counts.group(2))).as(counts.group())
          .isEqualTo(ScrapeData.RECORDINGS);
    }
    assertThat(timers).as(text.substring(0, Math.min(300, text.length())))
        .isEqualTo(ScrapeData.TIMERS);
  }
}
