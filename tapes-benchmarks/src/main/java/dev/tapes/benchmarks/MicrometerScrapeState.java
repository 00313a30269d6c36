package dev.tapes.benchmarks;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micrometer's {@code PrometheusMeterRegistry} (micrometer-registry-prometheus, on client_java
 * 1.x) with {@value ScrapeData#TIMERS} plain timers in one registry and as many timers with
 * {@code publishPercentileHistogram()} (its ~70 buckets up to 30 s per timer) in another.
 */
@State(Scope.Benchmark)
public class MicrometerScrapeState {

  PrometheusMeterRegistry plain;
  PrometheusMeterRegistry histograms;
  final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  @Setup
  public void setUp() {
    plain = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    histograms = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    long[][] recordings = ScrapeData.recordings();
    for (int i = 0; i < ScrapeData.TIMERS; i++) {
      String name = ScrapeData.dottedName(i).toLowerCase(java.util.Locale.ROOT);
      Timer timer = Timer.builder(name).register(plain);
      Timer histogram = Timer.builder(name).publishPercentileHistogram().register(histograms);
      for (long nanos : recordings[i]) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
        histogram.record(nanos, TimeUnit.NANOSECONDS);
      }
    }
  }
}
