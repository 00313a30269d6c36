package dev.tapes.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DataDog's DDSketch at 1 % relative accuracy. It is not thread-safe, so every access takes a
 * lock, as an application sharing one sketch between request threads must.
 */
@State(Scope.Benchmark)
public class DdSketchState {

  static final double RELATIVE_ACCURACY = 0.01;

  private final Object lock = new Object();
  private DDSketch sketch;

  @Setup
  public void setUp() {
    sketch = sketch();
  }

  void accept(double value) {
    synchronized (lock) {
      sketch.accept(value);
    }
  }

  static DDSketch sketch() {
    return DDSketches.unboundedDense(RELATIVE_ACCURACY);
  }
}
