package dev.tapes;

import dev.tapes.sketch.BucketCounts;
import dev.tapes.sketch.LogLinearBuckets;
import dev.tapes.sketch.SparseBuckets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The snapshot of the default sketch: bucket counts with a guaranteed relative error.
 *
 * <p>Every quantile, the mean and the standard deviation are within {@link #RELATIVE_ERROR}
 * (0.78 %) of the exact value of the data; the minimum and maximum are exact. Two snapshots
 * merge exactly ({@link #merge}), which is what makes cluster-wide quantiles correct.
 *
 * <p>Buckets are exposed ({@link #indexes()}, {@link #counts()}) and accepted ({@link #of}) so
 * that transports can ship a snapshot and rebuild the same one elsewhere.
 */
public final class SketchSnapshot implements Snapshot {

  /** The worst relative error of any quantile against the exact quantile of the data. */
  public static final double RELATIVE_ERROR = LogLinearBuckets.RELATIVE_ERROR;

  private static final SketchSnapshot EMPTY =
      new SketchSnapshot(new int[0], new long[0], Long.MAX_VALUE, Long.MIN_VALUE);

  private final int[] indexes;
  /** Running totals: {@code cumulative[i]} counts every value in buckets 0..i. */
  private final long[] cumulative;
  private final long min;
  private final long max;
  /** Computed on first request: the Prometheus formats never ask for them. */
  private volatile Moments moments;

  /** The mean and standard deviation of the buckets. */
  private record Moments(double mean, double stdDev) {}

  /** Takes ownership of both arrays; {@code counts} becomes the running totals in place. */
  private SketchSnapshot(int[] indexes, long[] counts, long min, long max) {
    this.indexes = indexes;
    this.cumulative = counts;
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      counts[i] = total;
    }
    if (total == 0) {
      this.min = Long.MAX_VALUE;
      this.max = Long.MIN_VALUE;
      this.moments = new Moments(Double.NaN, Double.NaN);
      return;
    }
    // A reader racing a writer can see extremes that are ahead of the buckets it saw (a value
    // not yet counted). The buckets win, so min <= every quantile <= max in every snapshot and
    // the extremes always lie in the first and last buckets.
    int first = indexes[0];
    int last = indexes[indexes.length - 1];
    this.min = LogLinearBuckets.index(min) == first ? min : LogLinearBuckets.lowerBound(first);
    this.max = LogLinearBuckets.index(max) == last ? max : LogLinearBuckets.upperBound(last);
  }

  private Moments moments() {
    Moments known = moments;
    if (known == null) {
      known = computeMoments();
      moments = known; // racing callers compute the same figures: either may be kept
    }
    return known;
  }

  /**
   * One pass over the buckets, each counted at its representative. Sums are taken about the
   * median, near the mean for any sane distribution, so that the variance loses no precision
   * to cancellation. Representatives of the outer buckets are clamped to the exact extremes:
   * tighter, and a single value has a standard deviation of exactly zero.
   */
  private Moments computeMoments() {
    double shift = getQuantile(0.5);
    int last = cumulative.length - 1;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i <= last; i++) {
      double value = i == 0 || i == last
          ? representative(i)
          : LogLinearBuckets.representative(indexes[i]);
      double deviation = value - shift;
      double count = count(i);
      sum += deviation * count;
      squares += deviation * deviation * count;
    }
    double total = cumulative[last];
    double meanDeviation = sum / total;
    double variance = Math.max(0, squares / total - meanDeviation * meanDeviation);
    return new Moments(clamp(shift + meanDeviation), Math.sqrt(variance));
  }

  /** The snapshot of an empty window. */
  public static SketchSnapshot empty() {
    return EMPTY;
  }

  /**
   * Rebuilds a snapshot from its buckets, as produced by {@link #indexes()} and
   * {@link #counts()} on another snapshot, with the exact extremes of the data.
   *
   * @throws IllegalArgumentException if the arrays differ in length, indexes are not strictly
   *     ascending bucket indexes, a count is not positive, or the extremes do not fall in the
   *     first and last buckets
   */
  public static SketchSnapshot of(int[] indexes, long[] counts, long min, long max) {
    Objects.requireNonNull(indexes, "indexes");
    Objects.requireNonNull(counts, "counts");
    if (indexes.length != counts.length) {
      throw new IllegalArgumentException(
          indexes.length + " bucket indexes but " + counts.length + " counts");
    }
    if (indexes.length == 0) {
      return EMPTY;
    }
    long total = 0;
    for (int i = 0; i < indexes.length; i++) {
      if (!LogLinearBuckets.isValid(indexes[i])) {
        throw new IllegalArgumentException("not a bucket index: " + indexes[i]);
      }
      if (i > 0 && indexes[i] <= indexes[i - 1]) {
        throw new IllegalArgumentException("bucket indexes must ascend: " + indexes[i - 1]
            + " then " + indexes[i]);
      }
      if (counts[i] <= 0) {
        throw new IllegalArgumentException("bucket " + indexes[i] + " has count " + counts[i]);
      }
      total += counts[i];
      if (total < 0) {
        throw new IllegalArgumentException("bucket counts overflow a long");
      }
    }
    if (LogLinearBuckets.index(min) != indexes[0]
        || LogLinearBuckets.index(max) != indexes[indexes.length - 1]) {
      throw new IllegalArgumentException("min " + min + " and max " + max
          + " must lie in the first and last buckets");
    }
    return new SketchSnapshot(indexes.clone(), counts.clone(), min, max);
  }


  /** Builds a snapshot from bucket counts the caller hands over and will not touch again. */
  static SketchSnapshot adopt(BucketCounts buckets) {
    return adopt(buckets.indexes(), buckets.counts(), buckets.min(), buckets.max());
  }

  /**
   * Builds a snapshot from valid, ascending, non-empty buckets in arrays the caller hands
   * over and will not touch again.
   */
  static SketchSnapshot adopt(int[] indexes, long[] counts, long min, long max) {
    return indexes.length == 0 ? EMPTY : new SketchSnapshot(indexes, counts, min, max);
  }

  @Override
  public double getQuantile(double quantile) {
    Snapshot.checkQuantile(quantile);
    if (cumulative.length == 0) {
      return Double.NaN;
    }
    long total = cumulative[cumulative.length - 1];
    long rank = (long) Math.floor(quantile * (total - 1));
    if (rank <= 0) {
      return min;
    }
    if (rank >= total - 1) {
      return max;
    }
    // The bucket holding 0-based rank r is the first whose running total exceeds r.
    // Running totals strictly ascend (no bucket is empty), so the search finds that bucket.
    int position = Arrays.binarySearch(cumulative, rank + 1);
    if (position < 0) {
      position = -position - 1;
    }
    return representative(position);
  }

  @Override
  public double getMin() {
    return cumulative.length == 0 ? Double.NaN : min;
  }

  @Override
  public double getMax() {
    return cumulative.length == 0 ? Double.NaN : max;
  }

  @Override
  public double getMean() {
    return moments().mean();
  }

  @Override
  public double getStdDev() {
    return moments().stdDev();
  }

  @Override
  public long size() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  @Override
  public SketchSnapshot merge(Snapshot other) {
    Objects.requireNonNull(other, "other");
    if (!(other instanceof SketchSnapshot that)) {
      throw new IllegalArgumentException("cannot merge a sketch snapshot with " + other
          .getClass().getSimpleName() + ": the histograms use different reservoirs");
    }
    if (that.indexes.length == 0) {
      return this;
    }
    if (indexes.length == 0) {
      return that;
    }
    SparseBuckets merged = new SparseBuckets(indexes.length + that.indexes.length);
    int i = 0;
    int j = 0;
    while (i < indexes.length || j < that.indexes.length) {
      if (j == that.indexes.length || (i < indexes.length && indexes[i] < that.indexes[j])) {
        merged.add(indexes[i], count(i));
        i++;
      } else if (i == indexes.length || that.indexes[j] < indexes[i]) {
        merged.add(that.indexes[j], that.count(j));
        j++;
      } else {
        merged.add(indexes[i], count(i) + that.count(j));
        i++;
        j++;
      }
    }
    return adopt(merged.indexes(), merged.counts(), Math.min(min, that.min),
        Math.max(max, that.max));
  }

  /** The bucket indexes, ascending; a copy. */
  public int[] indexes() {
    return indexes.clone();
  }

  /** The count of each bucket of {@link #indexes()}; a copy. */
  public long[] counts() {
    long[] counts = new long[cumulative.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(i);
    }
    return counts;
  }

  /** The exact smallest value; meaningless when the snapshot is empty. */
  public long minValue() {
    return min;
  }

  /** The exact largest value; meaningless when the snapshot is empty. */
  public long maxValue() {
    return max;
  }

  private long count(int position) {
    return position == 0 ? cumulative[0] : cumulative[position] - cumulative[position - 1];
  }

  private double representative(int position) {
    return clamp(LogLinearBuckets.representative(indexes[position]));
  }

  private double clamp(double value) {
    return Math.max(min, Math.min(max, value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SketchSnapshot that
        && Arrays.equals(indexes, that.indexes)
        && Arrays.equals(cumulative, that.cumulative)
        && (indexes.length == 0 || (min == that.min && max == that.max));
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indexes) + Arrays.hashCode(cumulative);
  }

  @Override
  public String toString() {
    return "SketchSnapshot[size=" + size() + ", min=" + getMin() + ", max=" + getMax()
        + ", buckets=" + indexes.length + "]";
  }
}
