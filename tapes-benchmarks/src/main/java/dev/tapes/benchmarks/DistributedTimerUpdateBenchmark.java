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
 * A timer update in a connected {@code DistributedRegistry} (a proxy shipping to a running
 * aggregator) against the same update in a plain {@code Registry}: what distributed mode adds
 * to a recording. The goal is at most 1.05 times the local cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DistributedTimerUpdateBenchmark {

  @Benchmark
  public void tapes(DistributedState state, Durations durations) {
    state.localTimer.update(durations.nanos());
  }

  @Benchmark
  public void tapesDistributed(DistributedState state, Durations durations) {
    state.proxyTimer.update(durations.nanos());
  }
}
