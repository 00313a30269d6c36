package dev.tapes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One time slice of a {@link WindowedSketch}: bucket counts plus the exact minimum and maximum.
 *
 * <p>Counts live in pages of 64 ints, one page per octave, allocated the first time a value
 * of that octave arrives and kept for the life of the slot, so {@link #record} allocates only
 * while the slot first meets a new octave and never afterwards. A timer whose values span ten
 * octaves holds ten pages (2.7 KB) per slot.
 *
 * <p>Writers never lock: the bucket is one atomic add, the minimum and maximum a plain read
 * and, only when a new extreme arrives, a CAS. A writer updates the extremes <em>before</em>
 * the bucket, so a reader that sees a bucket's count also sees extremes that include it.
 */
final class SketchSlot {

  private static final VarHandle PAGE = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle MIN;
  private static final VarHandle MAX;
  private static final VarHandle NEGATIVE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MIN = lookup.findVarHandle(SketchSlot.class, "min", long.class);
      MAX = lookup.findVarHandle(SketchSlot.class, "max", long.class);
      NEGATIVE = lookup.findVarHandle(SketchSlot.class, "negative", int[][].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int[][] positive = new int[LogLinearBuckets.PAGES][];
  /** Most histograms never see a negative value, so this side exists only once one arrives. */
  private volatile int[][] negative;
  private volatile long min = Long.MAX_VALUE;
  private volatile long max = Long.MIN_VALUE;

  void record(long value) {
    if (value < min) {
      lowerMin(value);
    }
    if (value > max) {
      raiseMax(value);
    }
    int[][] pages;
    long magnitude;
    if (value >= 0) {
      pages = positive;
      magnitude = value;
    } else {
      pages = negativePages();
      magnitude = value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
    }
    int page = LogLinearBuckets.page(magnitude);
    int[] counts = (int[]) PAGE.getAcquire(pages, page);
    if (counts == null) {
      counts = allocatePage(pages, page);
    }
    COUNT.getAndAdd(counts, LogLinearBuckets.sub(magnitude, page), 1);
  }

  private void lowerMin(long value) {
    long current = min;
    while (value < current) {
      long witness = (long) MIN.compareAndExchange(this, current, value);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  private void raiseMax(long value) {
    long current = max;
    while (value > current) {
      long witness = (long) MAX.compareAndExchange(this, current, value);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  private int[][] negativePages() {
    int[][] pages = negative;
    if (pages == null) {
      int[][] fresh = new int[LogLinearBuckets.PAGES][];
      int[][] witness = (int[][]) NEGATIVE.compareAndExchange(this, null, fresh);
      pages = witness == null ? fresh : witness;
    }
    return pages;
  }

  private static int[] allocatePage(int[][] pages, int page) {
    int[] fresh = new int[LogLinearBuckets.SUB_BUCKETS];
    int[] witness = (int[]) PAGE.compareAndExchange(pages, page, null, fresh);
    return witness == null ? fresh : witness;
  }

  long min() {
    return min;
  }

  long max() {
    return max;
  }

  /** The counts of one page on the positive or negative side, or null if never touched. */
  int[] page(boolean negativeSide, int page) {
    int[][] pages = negativeSide ? negative : positive;
    return pages == null ? null : (int[]) PAGE.getAcquire(pages, page);
  }

  /** Reads one count of a page; counts are unsigned, so a bucket holds up to 2^32 - 1 values. */
  static long count(int[] page, int sub) {
    return Integer.toUnsignedLong((int) COUNT.getOpaque(page, sub));
  }

  /**
   * Empties the slot for reuse, keeping its pages so that refilling it allocates nothing.
   * Called only by the owning sketch during rotation, when no up-to-date writer uses the slot.
   */
  void reset() {
    clear(positive);
    int[][] negatives = negative;
    if (negatives != null) {
      clear(negatives);
    }
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
  }

  private static void clear(int[][] pages) {
    for (int page = 0; page < pages.length; page++) {
      int[] counts = (int[]) PAGE.getAcquire(pages, page);
      if (counts != null) {
        for (int sub = 0; sub < counts.length; sub++) {
          COUNT.setOpaque(counts, sub, 0);
        }
      }
    }
  }
}
