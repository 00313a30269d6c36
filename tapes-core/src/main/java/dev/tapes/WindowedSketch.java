package dev.tapes;

/**
 * The default quantile store: a ring of {@value #SLOTS} {@link SketchSlot}s covering a time
 * window, so that values older than the window stop counting and percentiles never go stale.
 *
 * <p>Writers record into the current slot with no lock (see {@link SketchSlot}). Time moves
 * only in {@link #rotate}, called by the owning metric's tick under its lock, never by a
 * writer: the write path reads no clock. Once a slot's time is up, the next slot is emptied and
 * becomes current, so the window holds the current, partial slot plus the three before it:
 * between 3/4 of the window and the whole window of the most recent data.
 *
 * <p>A writer stalled for a whole window between reading the current slot and writing to it
 * may have its value land in a slot being emptied: it is then missing from the window's
 * quantiles (never from the metric's lifetime count and sum).
 */
final class WindowedSketch {

  /** Slots per window: four keeps memory at four slots' pages and coverage above 75 %. */
  static final int SLOTS = 4;

  private final SketchSlot[] slots = new SketchSlot[SLOTS];
  private final long slotNanos;
  private volatile SketchSlot current;
  private int currentIndex;
  private long currentStart;

  WindowedSketch(long windowNanos, long nowNanos) {
    if (windowNanos < SLOTS) {
      throw new IllegalArgumentException("window too short: " + windowNanos + " ns");
    }
    for (int i = 0; i < SLOTS; i++) {
      slots[i] = new SketchSlot();
    }
    this.slotNanos = windowNanos / SLOTS;
    this.current = slots[0];
    this.currentStart = nowNanos;
  }

  void record(long value) {
    current.record(value);
  }

  /** Moves the window to {@code nowNanos}, emptying every slot whose time has passed. */
  synchronized void rotate(long nowNanos) {
    long elapsed = nowNanos - currentStart;
    if (elapsed < slotNanos) {
      return;
    }
    long steps = elapsed / slotNanos;
    int emptied = (int) Math.min(steps, SLOTS);
    for (int i = 1; i <= emptied; i++) {
      slots[(currentIndex + i) % SLOTS].reset();
    }
    currentIndex = (int) ((currentIndex + steps) % SLOTS);
    currentStart += steps * slotNanos;
    current = slots[currentIndex];
  }

  /** The window's values as of {@code nowNanos}. */
  synchronized SketchSnapshot snapshot(long nowNanos) {
    rotate(nowNanos);
    SparseBuckets buckets = new SparseBuckets(64);
    long[] sums = new long[LogLinearBuckets.SUB_BUCKETS];
    // Ascending signed index: the negative side from its largest magnitude down, then the
    // positive side up.
    for (int page = LogLinearBuckets.PAGES - 1; page >= 0; page--) {
      if (sumPage(true, page, sums)) {
        for (int sub = LogLinearBuckets.SUB_BUCKETS - 1; sub >= 0; sub--) {
          buckets.add(-((page << LogLinearBuckets.SUB_BITS) | sub), sums[sub]);
        }
      }
    }
    for (int page = 0; page < LogLinearBuckets.PAGES; page++) {
      if (sumPage(false, page, sums)) {
        for (int sub = 0; sub < LogLinearBuckets.SUB_BUCKETS; sub++) {
          buckets.add((page << LogLinearBuckets.SUB_BITS) | sub, sums[sub]);
        }
      }
    }
    // Extremes are read after the buckets: a writer sets them before counting, so they
    // include every value counted above.
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (SketchSlot slot : slots) {
      min = Math.min(min, slot.min());
      max = Math.max(max, slot.max());
    }
    return SketchSnapshot.adopt(buckets, min, max);
  }

  /** Sums one page over all slots into {@code sums}; false if no slot has that page. */
  private boolean sumPage(boolean negativeSide, int page, long[] sums) {
    java.util.Arrays.fill(sums, 0);
    boolean any = false;
    for (SketchSlot slot : slots) {
      any |= slot.addPage(negativeSide, page, sums);
    }
    return any;
  }
}
