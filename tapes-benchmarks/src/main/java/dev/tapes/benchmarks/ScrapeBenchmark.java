package dev.tapes.benchmarks;

import dev.tapes.RegistrySnapshot;
import dev.tapes.exposition.JsonFormat;
import dev.tapes.exposition.OpenMetricsFormat;
import dev.tapes.exposition.PrometheusTextFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of {@value ScrapeData#TIMERS} timers holding {@value ScrapeData#RECORDINGS}
 * recordings each, into an in-memory buffer: what {@code GET /metrics} costs the server, from
 * reading the live metrics to the last byte. Tapes' figure includes {@code registry.snapshot()},
 * as every peer's includes its own collection step. Run on one thread ({@link RunAll} runs this
 * class apart from the hot paths), in milliseconds per scrape.
 *
 * <p>Each method returns the number of bytes written, so that nothing is optimized away and
 * the report can show how much each format says.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScrapeBenchmark {

  @Benchmark
  public int tapesPrometheusText(TapesScrapeState tapes) throws IOException {
    ByteArrayOutputStream out = reset(tapes.out);
    PrometheusTextFormat.write(tapes.registry.snapshot(), out);
    return out.size();
  }

  @Benchmark
  public int tapesOpenMetrics(TapesScrapeState tapes) throws IOException {
    ByteArrayOutputStream out = reset(tapes.out);
    OpenMetricsFormat.write(tapes.registry.snapshot(), out);
    return out.size();
  }

  @Benchmark
  public int tapesJson(TapesScrapeState tapes) throws IOException {
    ByteArrayOutputStream out = reset(tapes.out);
    JsonFormat.write(tapes.registry.snapshot(), out);
    return out.size();
  }

  /**
   * Diagnostic: the snapshot every Tapes format starts from, alone. The difference to a
   * format's figure is that writer's own cost.
   */
  @Benchmark
  public RegistrySnapshot tapesSnapshot(TapesScrapeState tapes) {
    return tapes.registry.snapshot();
  }

  @Benchmark
  public int prometheusClassicText(PrometheusScrapeState prometheus) throws IOException {
    ByteArrayOutputStream out = reset(prometheus.out);
    prometheus.writer.write(out, prometheus.classic.scrape());
    return out.size();
  }

  @Benchmark
  public int prometheusSummaryText(PrometheusScrapeState prometheus) throws IOException {
    ByteArrayOutputStream out = reset(prometheus.out);
    prometheus.writer.write(out, prometheus.summaries.scrape());
    return out.size();
  }

  @Benchmark
  public int micrometerText(MicrometerScrapeState micrometer) throws IOException {
    ByteArrayOutputStream out = reset(micrometer.out);
    micrometer.plain.scrape(out);
    return out.size();
  }

  @Benchmark
  public int micrometerHistogramText(MicrometerScrapeState micrometer) throws IOException {
    ByteArrayOutputStream out = reset(micrometer.out);
    micrometer.histograms.scrape(out);
    return out.size();
  }

  @Benchmark
  public int dropwizardJson(DropwizardScrapeState dropwizard) throws IOException {
    ByteArrayOutputStream out = reset(dropwizard.out);
    dropwizard.writer.writeValue(out, dropwizard.registry);
    return out.size();
  }

  private static ByteArrayOutputStream reset(ByteArrayOutputStream out) {
    out.reset();
    return out;
  }
}
