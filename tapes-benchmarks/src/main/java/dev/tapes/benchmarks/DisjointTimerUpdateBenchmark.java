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
 * A diagnostic beside {@link TimerUpdateBenchmark}: the same shared timer, but on two threads
 * each thread's durations lie in octaves of their own ({@link DisjointDurations}). If a
 * timer's cost on two threads drops here, it was paying for threads incrementing the same
 * bucket counters (the same cache lines); what remains is the rest of the update.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DisjointTimerUpdateBenchmark {

  @Benchmark
  public void tapes(TapesState tapes, DisjointDurations durations) {
    tapes.timer.update(durations.nanos());
  }

  @Benchmark
  public void prometheusClassic(PrometheusState prometheus, DisjointDurations durations) {
    prometheus.classic.observe(durations.seconds());
  }
}
