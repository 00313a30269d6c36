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
 * Recording a duration the caller already has, on one timer shared by every benchmark thread:
 * the cost an interceptor or filter pays per call, without its clock reads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimerUpdateBenchmark {

  @Benchmark
  public void tapes(TapesState tapes, Durations durations) {
    tapes.timer.update(durations.nanos());
  }

  @Benchmark
  public void tapesDecaying(TapesState tapes, Durations durations) {
    tapes.decayingTimer.update(durations.nanos());
  }

  @Benchmark
  public void dropwizard(DropwizardState dropwizard, Durations durations) {
    dropwizard.timer.update(durations.nanos(), TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void micrometer(MicrometerState micrometer, Durations durations) {
    micrometer.timer.record(durations.nanos(), TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void micrometerPercentiles(MicrometerState micrometer, Durations durations) {
    micrometer.percentilesTimer.record(durations.nanos(), TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void prometheusClassic(PrometheusState prometheus, Durations durations) {
    prometheus.classic.observe(durations.seconds());
  }

  @Benchmark
  public void prometheusNative(PrometheusState prometheus, Durations durations) {
    prometheus.nativeHistogram.observe(durations.seconds());
  }

  @Benchmark
  public void prometheusSummary(PrometheusState prometheus, Durations durations) {
    prometheus.summary.observe(durations.seconds());
  }

  @Benchmark
  public void hdrHistogram(HdrHistogramState hdr, Durations durations) {
    hdr.recorder.recordValue(durations.nanos());
  }

  @Benchmark
  public void ddSketch(DdSketchState ddSketch, Durations durations) {
    ddSketch.accept(durations.nanos());
  }
}
