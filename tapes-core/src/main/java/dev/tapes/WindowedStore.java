package dev.tapes;

import dev.tapes.sketch.ExponentialLayout;
import dev.tapes.sketch.WindowedSketch;

/** The default {@link ValueStore}: a {@link WindowedSketch} over the reservoir's window. */
final class WindowedStore implements ValueStore {

  private final Reservoir.SlidingWindow reservoir;
  private final WindowedSketch sketch;

  WindowedStore(Reservoir.SlidingWindow reservoir, ExponentialLayout layout, long nowNanos) {
    this.reservoir = reservoir;
    this.sketch = new WindowedSketch(layout, reservoir.window().toNanos(), nowNanos);
  }

  @Override
  public void record(long value) {
    sketch.record(value);
  }

  @Override
  public void tick(long nowNanos) {
    sketch.rotate(nowNanos);
  }

  @Override
  public void tickIfDue(long nowNanos) {
    sketch.rotateIfDue(nowNanos);
  }

  @Override
  public Snapshot snapshot(long nowNanos) {
    WindowedSketch.Reading reading = sketch.read(nowNanos);
    return SketchSnapshot.deferred(sketch.layout(), reading::window);
  }

  @Override
  public Views views(long nowNanos) {
    WindowedSketch.Reading reading = sketch.read(nowNanos);
    return new Views(SketchSnapshot.deferred(sketch.layout(), reading::window),
        SketchSnapshot.deferred(sketch.layout(), reading::lifetime));
  }

  @Override
  public Reservoir reservoir() {
    return reservoir;
  }
}
