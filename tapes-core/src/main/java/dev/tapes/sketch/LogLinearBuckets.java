package dev.tapes.sketch;

/**
 * The bucket layout of the default sketch: 64 linear sub-buckets per power of two.
 *
 * <p>Values 0..63 each get their own bucket. Above that, the octave {@code [2^e, 2^(e+1))}
 * (e &ge; 6) is cut into 64 equal buckets, so a bucket is never wider than 1/64 of its lower
 * bound and its midpoint is within 1/128 (0.78 %) of every value in it. That is the sketch's
 * relative-error guarantee: every reported quantile is within 0.78 % of the exact one.
 *
 * <p>An index packs the octave ("page", 0..57) and the sub-bucket (0..63) as
 * {@code page * 64 + sub}. Negative values mirror the positive layout on negative indexes
 * ({@code -index(|v|)}; magnitude 0 is never negative), so one signed int names every bucket of
 * the long range. {@link Long#MIN_VALUE} is recorded as {@code -Long.MAX_VALUE}.
 *
 * <p>The mapping is integer-only (a leading-zero count, a shift and a mask) because it runs
 * on every {@code update}: a logarithm would cost more than all the rest of the update.
 */
public final class LogLinearBuckets {

  /** Sub-buckets per octave, as a power of two: 2^6 = 64. */
  static final int SUB_BITS = 6;

  static final int SUB_BUCKETS = 1 << SUB_BITS;

  /** Octaves ("pages"): page 0 holds 0..63, pages 1..57 the octaves 2^6 .. 2^62. */
  static final int PAGES = Long.SIZE - SUB_BITS;

  /** Worst-case relative error of a bucket's midpoint against any value in the bucket. */
  public static final double RELATIVE_ERROR = 1.0 / (2 * SUB_BUCKETS);

  /** Every non-negative bucket's midpoint, by index: snapshots look them up per bucket. */
  private static final double[] MIDPOINTS = new double[PAGES * SUB_BUCKETS];

  static {
    for (int index = 0; index < MIDPOINTS.length; index++) {
      MIDPOINTS[index] = ((double) lowerBound(index) + (double) upperBound(index)) / 2.0;
    }
  }

  private LogLinearBuckets() {}

  /** The page of a non-negative value: 0 for 0..63, else its octave above 2^5. */
  static int page(long magnitude) {
    return Math.max(0, 64 - SUB_BITS - Long.numberOfLeadingZeros(magnitude));
  }

  /** The sub-bucket of a non-negative value within its page. */
  static int sub(long magnitude, int page) {
    return (int) (magnitude >>> Math.max(0, page - 1)) & (SUB_BUCKETS - 1);
  }

  /** The signed bucket index of any value. */
  public static int index(long value) {
    long magnitude = value < 0 ? (value == Long.MIN_VALUE ? Long.MAX_VALUE : -value) : value;
    int page = page(magnitude);
    int unsigned = (page << SUB_BITS) | sub(magnitude, page);
    return value < 0 ? -unsigned : unsigned;
  }

  /** The smallest value in a bucket. */
  public static long lowerBound(int index) {
    if (index < 0) {
      return -upperBound(-index);
    }
    int page = index >>> SUB_BITS;
    int sub = index & (SUB_BUCKETS - 1);
    return page == 0 ? sub : (long) (SUB_BUCKETS + sub) << (page - 1);
  }

  /** The largest value in a bucket (inclusive). */
  public static long upperBound(int index) {
    if (index < 0) {
      return -lowerBound(-index);
    }
    int page = index >>> SUB_BITS;
    return page == 0 ? lowerBound(index) : lowerBound(index) + (1L << (page - 1)) - 1;
  }

  /** The value reported for a bucket: its midpoint, within {@link #RELATIVE_ERROR} of all. */
  public static double representative(int index) {
    return index < 0 ? -MIDPOINTS[-index] : MIDPOINTS[index];
  }

  /** Whether {@code index} names a bucket of this layout. */
  public static boolean isValid(int index) {
    return index > -PAGES * SUB_BUCKETS && index < PAGES * SUB_BUCKETS;
  }
}
