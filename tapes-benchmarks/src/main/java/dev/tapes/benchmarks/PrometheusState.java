package dev.tapes.benchmarks;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Prometheus client_java 1.x (prometheus-metrics-core) with its defaults but for the histogram
 * flavour: classic only (default buckets, no quantiles), native only, and a summary with
 * client-side quantiles at their default allowed errors. Durations are observed in seconds,
 * its unit.
 */
@State(Scope.Benchmark)
public class PrometheusState {

  PrometheusRegistry registry;
  Histogram classic;
  Histogram nativeHistogram;
  Summary summary;
  Counter counter;

  @Setup
  public void setUp() {
    // A registry of our own, not the default one: a second trial in the same JVM would
    // otherwise fail on duplicate names.
    registry = new PrometheusRegistry();
    classic = classic(registry, "bench_classic_seconds");
    nativeHistogram = nativeHistogram(registry, "bench_native_seconds");
    summary = summary(registry, "bench_summary_seconds");
    counter = Counter.builder().name("bench_events").register(registry);
  }

  static Histogram classic(PrometheusRegistry registry, String name) {
    return Histogram.builder().name(name).classicOnly().register(registry);
  }

  static Histogram nativeHistogram(PrometheusRegistry registry, String name) {
    return Histogram.builder().name(name).nativeOnly().register(registry);
  }

  static Summary summary(PrometheusRegistry registry, String name) {
    return Summary.builder().name(name)
        .quantile(0.5).quantile(0.99).quantile(0.999).register(registry);
  }
}
