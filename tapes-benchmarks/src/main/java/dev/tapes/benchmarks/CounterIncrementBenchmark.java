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
 * Incrementing a counter shared by every benchmark thread. Tapes' and Dropwizard's counters go
 * up and down; Micrometer's and Prometheus's only up, which is how their users count events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CounterIncrementBenchmark {

  @Benchmark
  public void tapes(TapesState tapes) {
    tapes.counter.increment();
  }

  @Benchmark
  public void dropwizard(DropwizardState dropwizard) {
    dropwizard.counter.inc();
  }

  @Benchmark
  public void micrometer(MicrometerState micrometer) {
    micrometer.counter.increment();
  }

  @Benchmark
  public void prometheus(PrometheusState prometheus) {
    prometheus.counter.inc();
  }
}
