package dev.tapes.sketch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Bucket counts in pages of 64 16-bit counters, addressed by {@link ExponentialLayout#position
 * position} (page {@code |p| / 64} of the position's side, counter {@code |p| % 64}); a page is
 * allocated the first time a value of its range arrives and kept for good, so recording
 * allocates only when a page is first met. Pages are most of a timer's memory, and 16 bits
 * halve them (144 bytes a page instead of 272 for ints).
 *
 * <p>A bucket that reaches 65,535 within one window slot carries: the writer that would pass it
 * sets the counter back to zero (one compare-and-set, which only one writer wins) and then adds
 * one to the bucket's carry, an int counting units of 65,536 in a page of carries allocated for
 * that octave the first time it overflows. Only a hot bucket ever pays for carries. A reader that
 * falls between the two steps sees the bucket 65,536 short; the next read is whole again.
 */
final class SketchPages {

  /** The largest count a 16-bit counter holds; one more carries. */
  static final char MAX_COUNT = Character.MAX_VALUE;
  /** What one carry stands for. */
  static final long CARRY_UNIT = MAX_COUNT + 1L;

  private static final VarHandle PAGE = MethodHandles.arrayElementVarHandle(char[][].class);
  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(char[].class);
  private static final VarHandle CARRY_PAGE = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final VarHandle CARRY = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle NEGATIVE;
  private static final VarHandle CARRIES;
  private static final VarHandle POSITIVE_MASK;
  private static final VarHandle NEGATIVE_MASK;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEGATIVE = lookup.findVarHandle(SketchPages.class, "negative", char[][].class);
      CARRIES = lookup.findVarHandle(SketchPages.class, "carries", int[][].class);
      POSITIVE_MASK = lookup.findVarHandle(SketchPages.class, "positiveMask", long.class);
      NEGATIVE_MASK = lookup.findVarHandle(SketchPages.class, "negativeMask", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Pages per side: 4,034 positions (zero, then every local index) fit 64 pages of 64. */
  static final int PAGES = 64;
  static final int PAGE_BITS = 6;
  static final int PAGE_SIZE = 1 << PAGE_BITS;

  private final char[][] positive = new char[PAGES][];
  /** Most histograms never see a negative value, so this side exists only once one arrives. */
  private volatile char[][] negative;
  /**
   * Carry pages by {@link #carryIndex}, for both sides; null until a bucket first overflows, as
   * most metrics never do.
   */
  private volatile int[][] carries;
  /**
   * Bit p set once page p of a side exists (64 pages fit a long), so that readers visit the
   * handful of pages a metric uses instead of probing all of them on every snapshot.
   */
  private volatile long positiveMask;
  private volatile long negativeMask;

  /**
   * Counts {@code value} with one compare-and-set; false, counting nothing, if another thread
   * changed that bucket meanwhile: the sign of contention the slot stripes on.
   */
  boolean tryIncrement(int position) {
    char[] counts = pageOf(position);
    int sub = subOf(position);
    char count = (char) COUNT.getOpaque(counts, sub);
    if (count == MAX_COUNT) {
      return tryCarry(position, counts, sub);
    }
    return COUNT.compareAndSet(counts, sub, count, (char) (count + 1));
  }

  /** Counts {@code position}, whatever other threads do. */
  void increment(int position) {
    char[] counts = pageOf(position);
    int sub = subOf(position);
    while (true) {
      char count = (char) COUNT.getOpaque(counts, sub);
      if (count == MAX_COUNT
          ? tryCarry(position, counts, sub)
          : COUNT.compareAndSet(counts, sub, count, (char) (count + 1))) {
        return;
      }
    }
  }

  /** Passes a full counter's 65,535 plus this value on to its carry; false if another won. */
  private boolean tryCarry(int position, char[] counts, int sub) {
    if (!COUNT.compareAndSet(counts, sub, MAX_COUNT, (char) 0)) {
      return false;
    }
    CARRY.getAndAdd(carryPage(carryIndex(position < 0, pageIndex(Math.abs(position)))), sub, 1);
    return true;
  }

  /** The pages of one side that exist, as a bit set: bit p for page p. */
  long pageMask(boolean negativeSide) {
    return negativeSide ? negativeMask : positiveMask;
  }

  /**
   * Adds the counts of one page to {@code sums}, bucket by bucket; adds nothing if the page was
   * never touched. Draining takes each count with an atomic exchange for zero, so that a value a
   * writer counts meanwhile lands either in what is taken or in what stays, never in neither: how
   * a window slot moves its counts out when its time is up.
   */
  void addPage(boolean negativeSide, int page, long[] sums, boolean drain) {
    char[][] pages = negativeSide ? negative : positive;
    char[] counts = pages == null ? null : (char[]) PAGE.getAcquire(pages, page);
    if (counts == null) {
      return;
    }
    if (drain) {
      for (int sub = 0; sub < counts.length; sub++) {
        sums[sub] += (char) COUNT.getAndSet(counts, sub, (char) 0);
      }
    } else {
      // Plain reads, which the compiler may vectorize: the page came with an acquiring read,
      // and a count a racing writer is changing may be read either side of its change, as with
      // any read of a live metric.
      for (int sub = 0; sub < counts.length; sub++) {
        sums[sub] += counts[sub];
      }
    }
    int[][] carried = carries;
    int[] carry = carried == null ? null
        : (int[]) CARRY_PAGE.getAcquire(carried, carryIndex(negativeSide, page));
    if (carry != null) {
      for (int sub = 0; sub < carry.length; sub++) {
        int carries = drain ? (int) CARRY.getAndSet(carry, sub, 0) : carry[sub];
        sums[sub] += Integer.toUnsignedLong(carries) * CARRY_UNIT;
      }
    }
  }

  private char[] pageOf(int position) {
    char[][] pages = position >= 0 ? positive : negativePages();
    int page = pageIndex(Math.abs(position));
    char[] counts = (char[]) PAGE.getAcquire(pages, page);
    return counts != null ? counts : allocatePage(pages, page, position < 0);
  }

  private static int pageIndex(int magnitude) {
    return magnitude >>> PAGE_BITS;
  }

  private static int subOf(int position) {
    return Math.abs(position) & (PAGE_SIZE - 1);
  }

  private char[][] negativePages() {
    char[][] pages = negative;
    if (pages == null) {
      char[][] fresh = new char[PAGES][];
      char[][] witness = (char[][]) NEGATIVE.compareAndExchange(this, null, fresh);
      pages = witness == null ? fresh : witness;
    }
    return pages;
  }

  private char[] allocatePage(char[][] pages, int page, boolean negativeSide) {
    char[] fresh = new char[PAGE_SIZE];
    char[] witness = (char[]) PAGE.compareAndExchange(pages, page, null, fresh);
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

  private static int carryIndex(boolean negativeSide, int page) {
    return negativeSide ? PAGES + page : page;
  }

  private int[] carryPage(int index) {
    int[][] carried = carries;
    if (carried == null) {
      int[][] fresh = new int[2 * PAGES][];
      int[][] witness = (int[][]) CARRIES.compareAndExchange(this, null, fresh);
      carried = witness == null ? fresh : witness;
    }
    int[] carry = (int[]) CARRY_PAGE.getAcquire(carried, index);
    if (carry == null) {
      int[] fresh = new int[PAGE_SIZE];
      int[] witness = (int[]) CARRY_PAGE.compareAndExchange(carried, index, null, fresh);
      carry = witness == null ? fresh : witness;
    }
    return carry;
  }

}
