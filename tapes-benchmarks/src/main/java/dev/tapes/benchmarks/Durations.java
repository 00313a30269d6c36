package dev.tapes.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Precomputed durations, one cursor per benchmark thread.
 *
 * <p>Not a constant: the JIT would fold a constant's bucket index into the benchmark, and every
 * thread would hit the same counter. Real latencies vary, so each call takes the next value of
 * a seeded lognormal sample; the array load costs every library the same.
 */
@State(Scope.Thread)
public class Durations {

  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;

  private final long[] nanos = new long[SIZE];
  private final double[] seconds = new double[SIZE];
  private int next;

  @Setup
  public void setUp() {
    long[] sample = Dataset.LOGNORMAL.sample(42, SIZE);
    for (int i = 0; i < SIZE; i++) {
      nanos[i] = sample[i];
      // Prometheus and Micrometer summaries record in their own unit; converting up front
      // keeps the conversion out of their measurement, as a caller holding seconds would.
      seconds[i] = sample[i] / 1e9;
    }
  }

  /** The next duration in nanoseconds. */
  public long nanos() {
    return nanos[next++ & MASK];
  }

  /** The next duration in seconds. */
  public double seconds() {
    return seconds[next++ & MASK];
  }
}
