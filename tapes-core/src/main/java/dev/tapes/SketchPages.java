package dev.tapes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Bucket counts in pages of 64 ints, one page per octave and sign, allocated the first time a
 * value of that octave arrives and kept for good: recording allocates only when a page is first
 * met. Counts are unsigned ints: a bucket holds up to 2^32 - 1 values per slot.
 */
final class SketchPages {

  private static final VarHandle PAGE = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle NEGATIVE;
  private static final VarHandle POSITIVE_MASK;
  private static final VarHandle NEGATIVE_MASK;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEGATIVE = lookup.findVarHandle(SketchPages.class, "negative", int[][].class);
      POSITIVE_MASK = lookup.findVarHandle(SketchPages.class, "positiveMask", long.class);
      NEGATIVE_MASK = lookup.findVarHandle(SketchPages.class, "negativeMask", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int[][] positive = new int[LogLinearBuckets.PAGES][];
  /** Most histograms never see a negative value, so this side exists only once one arrives. */
  private volatile int[][] negative;
  /**
   * Bit p set once page p of a side exists (57 pages fit a long), so that readers visit the
   * handful of octaves a metric uses instead of probing all of them on every snapshot.
   */
  private volatile long positiveMask;
  private volatile long negativeMask;

  /**
   * Counts {@code value} with one compare-and-set; false, counting nothing, if another thread
   * changed that bucket meanwhile: the sign of contention the slot stripes on.
   */
  boolean tryIncrement(long value) {
    int[] counts = pageOf(value);
    int sub = subOf(value);
    int count = (int) COUNT.getOpaque(counts, sub);
    return COUNT.compareAndSet(counts, sub, count, count + 1);
  }

  /** Counts {@code value}, whatever other threads do. */
  void increment(long value) {
    COUNT.getAndAdd(pageOf(value), subOf(value), 1);
  }

  /** The pages of one side that exist, as a bit set: bit p for page p. */
  long pageMask(boolean negativeSide) {
    return negativeSide ? negativeMask : positiveMask;
  }

  /**
   * Adds the counts of one page to {@code sums}, from {@code offset} on; adds nothing if the
   * page was never touched.
   */
  void addPage(boolean negativeSide, int page, long[] sums, int offset) {
    int[][] pages = negativeSide ? negative : positive;
    int[] counts = pages == null ? null : (int[]) PAGE.getAcquire(pages, page);
    if (counts == null) {
      return;
    }
    // Plain reads, which the compiler may vectorize: the page came with an acquiring read, and
    // a count a racing writer is changing may be read either side of its change, as with any
    // read of a live metric.
    for (int sub = 0; sub < counts.length; sub++) {
      sums[offset + sub] += Integer.toUnsignedLong(counts[sub]);
    }
  }

  /** Zeroes every count, keeping the pages so that refilling them allocates nothing. */
  void reset() {
    clear(positive);
    int[][] negatives = negative;
    if (negatives != null) {
      clear(negatives);
    }
  }

  private int[] pageOf(long value) {
    int[][] pages = value >= 0 ? positive : negativePages();
    int page = LogLinearBuckets.page(magnitude(value));
    int[] counts = (int[]) PAGE.getAcquire(pages, page);
    return counts != null ? counts : allocatePage(pages, page, value < 0);
  }

  private static int subOf(long value) {
    long magnitude = magnitude(value);
    return LogLinearBuckets.sub(magnitude, LogLinearBuckets.page(magnitude));
  }

  private static long magnitude(long value) {
    return value >= 0 ? value : value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
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

  private int[] allocatePage(int[][] pages, int page, boolean negativeSide) {
    int[] fresh = new int[LogLinearBuckets.SUB_BUCKETS];
    int[] witness = (int[]) PAGE.compareAndExchange(pages, page, null, fresh);
    if (witness != null) {
      return witness;
    }
    // Marked after the page is in place, so a reader that sees the bit finds the page. A value
    // counted before the bit shows is a racing write, which a snapshot may miss anyway.
    VarHandle mask = negativeSide ? NEGATIVE_MASK : POSITIVE_MASK;
    long bit = 1L << page;
    long current = (long) mask.getVolatile(this);
    while ((current & bit) == 0) {
      long seen = (long) mask.compareAndExchange(this, current, current | bit);
      if (seen == current) {
        break;
      }
      current = seen;
    }
    return fresh;
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
