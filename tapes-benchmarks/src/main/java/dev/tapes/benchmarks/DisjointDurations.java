package dev.tapes.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Precomputed durations as in {@link Durations}, but each benchmark thread's scaled by 2^10
 * times its thread number, so that two threads record into octaves ten apart: a diagnostic
 * that separates contention on shared bucket counters from contention on everything else.
 */
@State(Scope.Thread)
public class DisjointDurations {

  /** Octaves between two threads' medians: far beyond the lognormal's spread of ±4. */
  static final int OCTAVES_APART = 10;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;

  private final long[] nanos = new long[SIZE];
  private final double[] seconds = new double[SIZE];
  private int next;

  @Setup
  public void setUp() {
    // Threads of one trial take consecutive numbers; only their parity matters with 2 threads.
    int shift = OCTAVES_APART * (THREADS.getAndIncrement() % 2);
    long[] sample = Dataset.LOGNORMAL.sample(42, SIZE);
    for (int i = 0; i < SIZE; i++) {
      nanos[i] = sample[i] << shift;
      seconds[i] = nanos[i] / 1e9;
    }
  }

  public long nanos() {
    return nanos[next++ & MASK];
  }

  public double seconds() {
    return seconds[next++ & MASK];
  }
}
