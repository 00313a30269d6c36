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
 * Marking one event on a meter shared by every benchmark thread. Only Tapes and Dropwizard
 * have a meter (count plus moving-average rates in the client); Micrometer and Prometheus
 * leave rates to the backend and count events with the counters of
 * {@link CounterIncrementBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeterMarkBenchmark {

  @Benchmark
  public void tapes(TapesState tapes) {
    tapes.meter.mark();
  }

  @Benchmark
  public void dropwizard(DropwizardState dropwizard) {
    dropwizard.meter.mark();
  }
}
