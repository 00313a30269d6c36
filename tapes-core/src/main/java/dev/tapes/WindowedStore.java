package dev.tapes;

import dev.tapes.sketch.WindowedSketch;

/** The default {@link ValueStore}: a {@link WindowedSketch} over the reservoir's window. */
final class WindowedStore implements ValueStore {

  private final Reservoir.SlidingWindow reservoir;
  private final WindowedSketch sketch;

  WindowedStore(Reservoir.SlidingWindow reservoir, long nowNanos) {
    this.reservoir = reservoir;
    this.sketch = new WindowedSketch(reservoir.window().toNanos(), nowNanos);
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
    return SketchSnapshot.adopt(sketch.read(nowNanos));
  }

  @Override
  public Reservoir reservoir() {
    return reservoir;
  }
}
