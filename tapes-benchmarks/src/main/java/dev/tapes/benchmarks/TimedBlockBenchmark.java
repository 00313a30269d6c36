package dev.tapes.benchmarks;

import io.prometheus.metrics.model.snapshots.Unit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Timing an empty block: two clock reads and an update, in the primitive start/stop form that
 * interceptors use (no context object). Tapes reads its registry's clock, the others
 * {@link System#nanoTime()} as their own timers do; the block is empty, so every duration is
 * the clock's resolution and all threads hit the same few buckets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimedBlockBenchmark {

  @Benchmark
  public void tapes(TapesState tapes) {
    long start = tapes.clock.nanoTime();
    tapes.timer.update(tapes.clock.nanoTime() - start);
  }

  @Benchmark
  public void tapesDecaying(TapesState tapes) {
    long start = tapes.clock.nanoTime();
    tapes.decayingTimer.update(tapes.clock.nanoTime() - start);
  }

  @Benchmark
  public void dropwizard(DropwizardState dropwizard) {
    long start = System.nanoTime();
    dropwizard.timer.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void micrometer(MicrometerState micrometer) {
    long start = System.nanoTime();
    micrometer.timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void micrometerPercentiles(MicrometerState micrometer) {
    long start = System.nanoTime();
    micrometer.percentilesTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  @Benchmark
  public void prometheusClassic(PrometheusState prometheus) {
    long start = System.nanoTime();
    prometheus.classic.observe(Unit.nanosToSeconds(System.nanoTime() - start));
  }

  @Benchmark
  public void prometheusNative(PrometheusState prometheus) {
    long start = System.nanoTime();
    prometheus.nativeHistogram.observe(Unit.nanosToSeconds(System.nanoTime() - start));
  }

  @Benchmark
  public void prometheusSummary(PrometheusState prometheus) {
    long start = System.nanoTime();
    prometheus.summary.observe(Unit.nanosToSeconds(System.nanoTime() - start));
  }

  @Benchmark
  public void hdrHistogram(HdrHistogramState hdr) {
    long start = System.nanoTime();
    hdr.recorder.recordValue(System.nanoTime() - start);
  }

  @Benchmark
  public void ddSketch(DdSketchState ddSketch) {
    long start = System.nanoTime();
    ddSketch.accept(System.nanoTime() - start);
  }
}
