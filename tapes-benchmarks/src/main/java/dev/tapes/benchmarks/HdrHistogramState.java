package dev.tapes.benchmarks;

import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HdrHistogram's {@code Recorder}, the floor: a histogram with nothing around it (no count of
 * calls, no rates, no window). Two significant digits bound its relative error by 1/128, the
 * same 0.78 % as the Tapes sketch.
 */
@State(Scope.Benchmark)
public class HdrHistogramState {

  static final int SIGNIFICANT_DIGITS = 2;

  Recorder recorder;

  @Setup
  public void setUp() {
    recorder = recorder();
  }

  static Recorder recorder() {
    return new Recorder(SIGNIFICANT_DIGITS);
  }
}
