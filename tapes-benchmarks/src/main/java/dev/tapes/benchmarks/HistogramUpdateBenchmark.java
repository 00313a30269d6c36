package dev.tapes.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording a value into a histogram (no meter), shared by every benchmark thread. Prometheus,
 * HdrHistogram and DDSketch have one instrument for both; their figures are in
 * {@link TimerUpdateBenchmark}, except Prometheus's classic histogram, repeated here as the
 * reference of the goals.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramUpdateBenchmark {

  @Benchmark
  public void tapes(TapesState tapes, Durations values) {
    tapes.histogram.update(values.nanos());
  }

  @Benchmark
  public void tapesDecaying(TapesState tapes, Durations values) {
    tapes.decayingHistogram.update(values.nanos());
  }

  @Benchmark
  public void dropwizard(DropwizardState dropwizard, Durations values) {
    dropwizard.histogram.update(values.nanos());
  }

  @Benchmark
  public void micrometer(MicrometerState micrometer, Durations values) {
    micrometer.summary.record(values.nanos());
  }

  @Benchmark
  public void micrometerPercentiles(MicrometerState micrometer, Durations values) {
    micrometer.percentilesSummary.record(values.nanos());
  }

  @Benchmark
  public void prometheusClassic(PrometheusState prometheus, Durations values) {
    prometheus.classic.observe(values.seconds());
  }
}
