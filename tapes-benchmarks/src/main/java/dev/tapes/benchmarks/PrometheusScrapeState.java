package dev.tapes.benchmarks;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Prometheus client_java with {@value ScrapeData#TIMERS} classic histograms (default buckets)
 * in one registry and as many summaries (quantiles 0.5, 0.99, 0.999) in another, scraped with
 * its own text writer as its HTTP server and servlet do.
 */
@State(Scope.Benchmark)
public class PrometheusScrapeState {

  PrometheusRegistry classic;
  PrometheusRegistry summaries;
  PrometheusTextFormatWriter writer;
  final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  @Setup
  public void setUp() {
    classic = new PrometheusRegistry();
    summaries = new PrometheusRegistry();
    writer = PrometheusTextFormatWriter.create();
    long[][] recordings = ScrapeData.recordings();
    for (int i = 0; i < ScrapeData.TIMERS; i++) {
      Histogram histogram = PrometheusState.classic(classic, ScrapeData.prometheusName(i));
      Summary summary = PrometheusState.summary(summaries, ScrapeData.prometheusName(i));
      for (long nanos : recordings[i]) {
        histogram.observe(nanos / 1e9);
        summary.observe(nanos / 1e9);
      }
    }
  }
}
