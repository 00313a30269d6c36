package dev.tapes.sketch;

import java.util.Arrays;

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
public final class WindowedSketch {

  /** Slots per window: four keeps memory at four slots' pages and coverage above 75 %. */
  public static final int SLOTS = 4;

  private final SketchSlot[] slots = new SketchSlot[SLOTS];
  private final long slotNanos;
  private volatile SketchSlot current;
  private int currentIndex;
  private long currentStart;
  /** When the current slot's time is up; volatile for {@link #rotateIfDue}'s unlocked look. */
  private volatile long nextRotationNanos;

  /** A window of {@code windowNanos} (at least {@value #SLOTS} ns) starting at {@code nowNanos}. */
  public WindowedSketch(long windowNanos, long nowNanos) {
    if (windowNanos < SLOTS) {
      throw new IllegalArgumentException("window too short: " + windowNanos + " ns");
    }
    for (int i = 0; i < SLOTS; i++) {
      slots[i] = new SketchSlot();
    }
    this.slotNanos = windowNanos / SLOTS;
    this.current = slots[0];
    this.currentStart = nowNanos;
    this.nextRotationNanos = nowNanos + slotNanos;
  }

  /** Counts {@code value} in the current slot: no lock, no clock, no allocation. */
  public void record(long value) {
    current.record(value);
  }

  /** Moves the window to {@code nowNanos}, emptying every slot whose time has passed. */
  public synchronized void rotate(long nowNanos) {
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
    nextRotationNanos = currentStart + slotNanos;
  }

  /**
   * Rotates if the current slot's time is up at {@code nowNanos}: a comparison, without the lock,
   * when it is not. For writers on a clock that no heartbeat watches.
   */
  public void rotateIfDue(long nowNanos) {
    if (nowNanos - nextRotationNanos >= 0) {
      rotate(nowNanos);
    }
  }

  /** The window's bucket counts as of {@code nowNanos}. */
  public synchronized BucketCounts read(long nowNanos) {
    rotate(nowNanos);
    int[] pages = pagesInUse();
    SparseBuckets buckets = new SparseBuckets(pages.length * LogLinearBuckets.SUB_BUCKETS);
    long[] sums = new long[LogLinearBuckets.SUB_BUCKETS];
    for (int signedPage : pages) {
      boolean negativeSide = signedPage < 0;
      int page = negativeSide ? ~signedPage : signedPage;
      Arrays.fill(sums, 0);
      for (SketchSlot slot : slots) {
        slot.addPage(negativeSide, page, sums);
      }
      buckets.addPage(page, negativeSide, sums);
    }
    // Extremes are read after the buckets: a writer sets them before counting, so they
    // include every value counted above.
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (SketchSlot slot : slots) {
      min = Math.min(min, slot.min());
      max = Math.max(max, slot.max());
    }
    return new BucketCounts(buckets.indexes(), buckets.counts(), min, max);
  }

  /**
   * The pages some slot has, in ascending order of their buckets' signed indexes: negative
   * pages (as {@code ~page}) from the largest magnitude down, then positive pages up.
   */
  private int[] pagesInUse() {
    long negative = 0;
    long positive = 0;
    for (SketchSlot slot : slots) {
      negative |= slot.pageMask(true);
      positive |= slot.pageMask(false);
    }
    int[] pages = new int[Long.bitCount(negative) + Long.bitCount(positive)];
    int i = 0;
    for (long rest = negative; rest != 0; rest &= ~Long.highestOneBit(rest)) {
      pages[i++] = ~(Long.SIZE - 1 - Long.numberOfLeadingZeros(rest));
    }
    for (long rest = positive; rest != 0; rest &= rest - 1) {
      pages[i++] = Long.numberOfTrailingZeros(rest);
    }
    return pages;
  }
}
