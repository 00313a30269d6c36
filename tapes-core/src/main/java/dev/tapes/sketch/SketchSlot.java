package dev.tapes.sketch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The live slice of a {@link WindowedSketch}: bucket counts plus the exact minimum and maximum,
 * which writers update and rotation drains.
 *
 * <p>Writers never lock. A slot starts with one set of {@link SketchPages}; each value is one
 * compare-and-set on its bucket. When that fails, another thread is writing the same bucket at
 * the same moment, and two cores passing one cache line to and fro would cost several times the
 * update: the slot then stripes, as {@link java.util.concurrent.atomic.LongAdder} does, giving
 * each thread (by id) one of up to {@link #MAX_STRIPES} page sets of its own, allocated as
 * threads arrive. A metric written by one thread at a time keeps one set and its memory.
 *
 * <p>The minimum and maximum are a plain read and, only when a new extreme arrives, a CAS. A
 * writer updates the extremes <em>before</em> the bucket, so a reader that sees a bucket's count
 * also sees extremes that include it.
 */
final class SketchSlot {

  /** More stripes than cores cannot help; past eight, memory would outgrow the gain. */
  static final int MAX_STRIPES =
      Math.min(8, Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors())));

  private static final VarHandle MIN;
  private static final VarHandle MAX;
  private static final VarHandle STRIPES;
  private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(
      SketchPages[].class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MIN = lookup.findVarHandle(SketchSlot.class, "min", long.class);
      MAX = lookup.findVarHandle(SketchSlot.class, "max", long.class);
      STRIPES = lookup.findVarHandle(SketchSlot.class, "stripes", SketchPages[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SketchPages primary = new SketchPages();
  /** Null until contention is seen; then stripe 0 is {@link #primary}, the rest come lazily. */
  private volatile SketchPages[] stripes;
  private volatile long min = Long.MAX_VALUE;
  private volatile long max = Long.MIN_VALUE;

  /** Counts {@code value}, whose bucket is {@code position}. */
  void record(int position, long value) {
    if (value < min) {
      lowerMin(value);
    }
    if (value > max) {
      raiseMax(value);
    }
    SketchPages[] striped = stripes;
    if (striped == null) {
      if (primary.tryIncrement(position)) {
        return;
      }
      striped = stripe();
    }
    stripeOfThisThread(striped).increment(position);
  }

  /** Splits the slot into stripes, once: what contention does, and tests do on purpose. */
  SketchPages[] stripe() {
    SketchPages[] fresh = new SketchPages[MAX_STRIPES];
    fresh[0] = primary;
    SketchPages[] witness = (SketchPages[]) STRIPES.compareAndExchange(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** Thread ids are handed out in sequence, so the low bits spread a pool's threads evenly. */
  private static SketchPages stripeOfThisThread(SketchPages[] striped) {
    int index = (int) Thread.currentThread().getId() & (striped.length - 1);
    SketchPages pages = (SketchPages) STRIPE.getAcquire(striped, index);
    if (pages == null) {
      SketchPages fresh = new SketchPages();
      SketchPages witness = (SketchPages) STRIPE.compareAndExchange(striped, index, null, fresh);
      pages = witness == null ? fresh : witness;
    }
    return pages;
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

  long min() {
    return min;
  }

  /** Whether contention has split this slot into stripes. */
  boolean isStriped() {
    return stripes != null;
  }

  long max() {
    return max;
  }

  /** What the slot holds now, left in place. */
  BucketCounts read() {
    return collect(false);
  }

  /**
   * Takes everything the slot holds, leaving it empty: each count moves by an atomic exchange, so
   * a value counted meanwhile is either taken or stays for the next slot, never lost. Pages and
   * stripes stay, so that refilling allocates nothing. Called only by rotation, under its lock.
   */
  BucketCounts drain() {
    return collect(true);
  }

  private BucketCounts collect(boolean drain) {
    long negative = pageMask(true);
    long positive = pageMask(false);
    SparseBuckets buckets = new SparseBuckets(
        (Long.bitCount(negative) + Long.bitCount(positive)) * SketchPages.PAGE_SIZE);
    long[] sums = new long[SketchPages.PAGE_SIZE];
    // Negative positions ascend from the largest magnitude down, then positive ones up.
    for (long rest = negative; rest != 0; rest &= ~Long.highestOneBit(rest)) {
      int page = Long.SIZE - 1 - Long.numberOfLeadingZeros(rest);
      java.util.Arrays.fill(sums, 0);
      addPage(true, page, sums, drain);
      buckets.addPage(page, true, sums);
    }
    for (long rest = positive; rest != 0; rest &= rest - 1) {
      int page = Long.numberOfTrailingZeros(rest);
      java.util.Arrays.fill(sums, 0);
      addPage(false, page, sums, drain);
      buckets.addPage(page, false, sums);
    }
    // Extremes after the buckets: a writer sets them before counting, so they include every
    // value counted above.
    long low = drain ? (long) MIN.getAndSet(this, Long.MAX_VALUE) : min;
    long high = drain ? (long) MAX.getAndSet(this, Long.MIN_VALUE) : max;
    return new BucketCounts(buckets.positions(), buckets.counts(), low, high);
  }

  /** The pages of one side that exist in any stripe, as a bit set: bit p for page p. */
  private long pageMask(boolean negativeSide) {
    SketchPages[] striped = stripes;
    if (striped == null) {
      return primary.pageMask(negativeSide);
    }
    long mask = 0;
    for (int i = 0; i < striped.length; i++) {
      SketchPages pages = (SketchPages) STRIPE.getAcquire(striped, i);
      if (pages != null) {
        mask |= pages.pageMask(negativeSide);
      }
    }
    return mask;
  }

  /** Adds one page's counts, over every stripe, to {@code sums}; draining them if asked. */
  private void addPage(boolean negativeSide, int page, long[] sums, boolean drain) {
    SketchPages[] striped = stripes;
    if (striped == null) {
      primary.addPage(negativeSide, page, sums, drain);
      return;
    }
    for (int i = 0; i < striped.length; i++) {
      SketchPages pages = (SketchPages) STRIPE.getAcquire(striped, i);
      if (pages != null) {
        pages.addPage(negativeSide, page, sums, drain);
      }
    }
  }
}
