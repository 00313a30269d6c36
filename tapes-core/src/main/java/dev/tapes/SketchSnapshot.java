package dev.tapes;

import dev.tapes.sketch.BucketCounts;
import dev.tapes.sketch.ExponentialLayout;
import dev.tapes.sketch.SparseBuckets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The snapshot of the default sketch: bucket counts with a guaranteed relative error, in the
 * buckets of a Prometheus native histogram of schema 6 ({@link #buckets()}).
 *
 * <p>Every quantile, the mean and the standard deviation are within {@link #RELATIVE_ERROR}
 * (0.5415 %) of the exact value of the data; the minimum and maximum are exact. Two snapshots
 * of the same unit merge exactly ({@link #merge}), which is what makes cluster-wide quantiles
 * correct.
 *
 * <p>Values are in the unit the metric records (nanoseconds for timers); bucket indexes are in
 * the unit it exports ({@link #unitsPerExportedUnit()}: seconds for timers), so that they are
 * the indexes any Prometheus server or OTLP backend uses for the same values.
 *
 * <p>Immutable. A snapshot taken from a live metric holds what it read at that moment and
 * merges it on first use, so a writer that needs no quantiles pays for none.
 */
public final class SketchSnapshot implements Snapshot {

  /** The worst relative error of any quantile against the exact quantile of the data. */
  public static final double RELATIVE_ERROR = ExponentialLayout.RELATIVE_ERROR;

  private static final SketchSnapshot EMPTY = new SketchSnapshot(ExponentialLayout.UNIT,
      () -> BucketCounts.EMPTY);

  private final ExponentialLayout layout;
  /** What the snapshot read; dropped once merged. */
  private volatile Supplier<BucketCounts> pending;
  private volatile Merged merged;

  /**
   * The merged buckets: ascending positions, running totals ({@code cumulative[i]} counts every
   * value in buckets 0..i), exact extremes, and moments computed on first request.
   */
  private static final class Merged {
    final int[] positions;
    final long[] cumulative;
    final long min;
    final long max;
    volatile double[] moments;

    Merged(int[] positions, long[] cumulative, long min, long max) {
      this.positions = positions;
      this.cumulative = cumulative;
      this.min = min;
      this.max = max;
    }
  }

  private SketchSnapshot(ExponentialLayout layout, Supplier<BucketCounts> pending) {
    this.layout = layout;
    this.pending = pending;
  }

  /** The snapshot of an empty window. */
  public static SketchSnapshot empty() {
    return EMPTY;
  }

  /**
   * Rebuilds a snapshot from its buckets at schema 6, as {@link #buckets()} gives them, with the
   * exact extremes of the data in recorded units: how a transport ships a snapshot.
   *
   * @param unitsPerExportedUnit 1, or 1,000,000,000 for a timer's nanoseconds
   * @throws IllegalArgumentException if the unit is neither, the buckets are not at schema 6 or
   *     outside the long range, or the extremes do not fall in the outermost buckets
   */
  public static SketchSnapshot of(long unitsPerExportedUnit, ExponentialBuckets buckets, long min,
      long max) {
    Objects.requireNonNull(buckets, "buckets");
    ExponentialLayout layout = layoutOf(unitsPerExportedUnit);
    if (buckets.schema() != ExponentialBuckets.SKETCH_SCHEMA) {
      throw new IllegalArgumentException("a sketch has schema 6, not " + buckets.schema());
    }
    if (buckets.isEmpty()) {
      return EMPTY;
    }
    int[] negative = buckets.negativeIndexes();
    int[] positive = buckets.positiveIndexes();
    long[] negativeCounts = buckets.negativeCounts();
    long[] positiveCounts = buckets.positiveCounts();
    SparseBuckets all = new SparseBuckets(negative.length + positive.length + 1);
    for (int i = negative.length - 1; i >= 0; i--) {
      all.add(position(layout, negative[i], true), negativeCounts[i]);
    }
    all.add(0, buckets.zeroCount());
    for (int i = 0; i < positive.length; i++) {
      all.add(position(layout, positive[i], false), positiveCounts[i]);
    }
    int[] positions = all.positions();
    long[] counts = all.counts();
    long total = 0;
    for (long count : counts) {
      total += count;
      if (total < 0) {
        throw new IllegalArgumentException("bucket counts overflow a long");
      }
    }
    if (layout.position(min) != positions[0]
        || layout.position(max) != positions[positions.length - 1]) {
      throw new IllegalArgumentException("min " + min + " and max " + max
          + " must lie in the first and last buckets");
    }
    BucketCounts read = new BucketCounts(positions, counts, min, max);
    return new SketchSnapshot(layout, () -> read);
  }

  private static int position(ExponentialLayout layout, int index, boolean negative) {
    if (index < layout.lowestIndex() || index > layout.highestIndex()) {
      throw new IllegalArgumentException("bucket " + index + " holds no long value");
    }
    return layout.positionOf(index, negative);
  }

  /** The layout of a unit a snapshot may be in. */
  static ExponentialLayout layoutOf(long unitsPerExportedUnit) {
    if (unitsPerExportedUnit == 1) {
      return ExponentialLayout.UNIT;
    }
    if (unitsPerExportedUnit == ExponentialLayout.NANOS_AS_SECONDS.unitsPerExportedUnit()) {
      return ExponentialLayout.NANOS_AS_SECONDS;
    }
    throw new IllegalArgumentException("a sketch records in the exported unit (1) or in"
        + " nanoseconds of seconds (1000000000), not " + unitsPerExportedUnit);
  }

  /** A snapshot of what {@code read} yields, merged on first use; the caller owns nothing. */
  static SketchSnapshot deferred(ExponentialLayout layout, Supplier<BucketCounts> read) {
    return new SketchSnapshot(layout, read);
  }

  private Merged merged() {
    Merged known = merged;
    if (known == null) {
      synchronized (this) {
        known = merged;
        if (known == null) {
          known = merge(pending.get());
          merged = known;
          pending = null;
        }
      }
    }
    return known;
  }

  private Merged merge(BucketCounts read) {
    int[] positions = read.positions();
    long[] cumulative = read.counts();
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += cumulative[i];
      cumulative[i] = total;
    }
    if (total == 0) {
      return new Merged(new int[0], new long[0], Long.MAX_VALUE, Long.MIN_VALUE);
    }
    // A reader racing a writer can see extremes that are ahead of the buckets it saw (a value
    // not yet counted). The buckets win, so min <= every quantile <= max in every snapshot and
    // the extremes always lie in the first and last buckets.
    int first = positions[0];
    int last = positions[positions.length - 1];
    long min = layout.position(read.min()) == first ? read.min()
        : (long) Math.ceil(layout.innerBoundOfPosition(first));
    long max = layout.position(read.max()) == last ? read.max()
        : (long) Math.floor(layout.outerBoundOfPosition(last));
    return new Merged(positions, cumulative, min, max);
  }

  /**
   * One pass over the buckets, each counted at its representative. Sums are taken about the
   * median, near the mean for any sane distribution, so that the variance loses no precision
   * to cancellation. Representatives of the outer buckets are clamped to the exact extremes:
   * tighter, and a single value has a standard deviation of exactly zero.
   */
  private double[] moments(Merged m) {
    double[] known = m.moments;
    if (known != null) {
      return known;
    }
    if (m.cumulative.length == 0) {
      known = new double[] {Double.NaN, Double.NaN};
    } else {
      double shift = getQuantile(0.5);
      int last = m.cumulative.length - 1;
      double sum = 0;
      double squares = 0;
      for (int i = 0; i <= last; i++) {
        double value = i == 0 || i == last ? representative(m, i)
            : layout.representativeOfPosition(m.positions[i]);
        double deviation = value - shift;
        double count = count(m, i);
        sum += deviation * count;
        squares += deviation * deviation * count;
      }
      double total = m.cumulative[last];
      double meanDeviation = sum / total;
      double variance = Math.max(0, squares / total - meanDeviation * meanDeviation);
      known = new double[] {clamp(m, shift + meanDeviation), Math.sqrt(variance)};
    }
    m.moments = known; // racing callers compute the same figures: either may be kept
    return known;
  }

  @Override
  public double getQuantile(double quantile) {
    Snapshot.checkQuantile(quantile);
    Merged m = merged();
    if (m.cumulative.length == 0) {
      return Double.NaN;
    }
    long total = m.cumulative[m.cumulative.length - 1];
    long rank = (long) Math.floor(quantile * (total - 1));
    if (rank <= 0) {
      return m.min;
    }
    if (rank >= total - 1) {
      return m.max;
    }
    // The bucket holding 0-based rank r is the first whose running total exceeds r.
    // Running totals strictly ascend (no bucket is empty), so the search finds that bucket.
    int position = Arrays.binarySearch(m.cumulative, rank + 1);
    if (position < 0) {
      position = -position - 1;
    }
    return representative(m, position);
  }

  @Override
  public double getMin() {
    Merged m = merged();
    return m.cumulative.length == 0 ? Double.NaN : m.min;
  }

  @Override
  public double getMax() {
    Merged m = merged();
    return m.cumulative.length == 0 ? Double.NaN : m.max;
  }

  @Override
  public double getMean() {
    return moments(merged())[0];
  }

  @Override
  public double getStdDev() {
    return moments(merged())[1];
  }

  @Override
  public long size() {
    Merged m = merged();
    return m.cumulative.length == 0 ? 0 : m.cumulative[m.cumulative.length - 1];
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code other} is not a sketch of the same unit
   */
  @Override
  public SketchSnapshot merge(Snapshot other) {
    Objects.requireNonNull(other, "other");
    if (!(other instanceof SketchSnapshot that)) {
      throw new IllegalArgumentException("cannot merge a sketch snapshot with " + other
          .getClass().getSimpleName() + ": the histograms use different reservoirs");
    }
    Merged a = merged();
    Merged b = that.merged();
    if (b.positions.length == 0) {
      return this;
    }
    if (a.positions.length == 0) {
      return that;
    }
    if (layout != that.layout) {
      throw new IllegalArgumentException("cannot merge sketches of different units: "
          + layout.unitsPerExportedUnit() + " and " + that.layout.unitsPerExportedUnit()
          + " recorded units per exported unit");
    }
    SparseBuckets merged = new SparseBuckets(a.positions.length + b.positions.length);
    int i = 0;
    int j = 0;
    while (i < a.positions.length || j < b.positions.length) {
      if (j == b.positions.length
          || (i < a.positions.length && a.positions[i] < b.positions[j])) {
        merged.add(a.positions[i], count(a, i));
        i++;
      } else if (i == a.positions.length || b.positions[j] < a.positions[i]) {
        merged.add(b.positions[j], count(b, j));
        j++;
      } else {
        merged.add(a.positions[i], count(a, i) + count(b, j));
        i++;
        j++;
      }
    }
    BucketCounts union = new BucketCounts(merged.positions(), merged.counts(),
        Math.min(a.min, b.min), Math.max(a.max, b.max));
    return new SketchSnapshot(layout, () -> union);
  }

  /**
   * The buckets, at schema 6, in the exported unit: bucket {@code i} holds the values in
   * {@code (γ^(i−1), γ^i]} of seconds for a timer, of the recorded unit for a histogram.
   */
  public ExponentialBuckets buckets() {
    return bucketsOf(layout, merged());
  }

  private static ExponentialBuckets bucketsOf(ExponentialLayout layout, Merged m) {
    int zero = Arrays.binarySearch(m.positions, 0);
    int firstPositive = zero >= 0 ? zero + 1 : -zero - 1;
    int negatives = zero >= 0 ? zero : firstPositive;
    int[] negativeIndexes = new int[negatives];
    long[] negativeCounts = new long[negatives];
    for (int k = 0; k < negatives; k++) {
      int i = negatives - 1 - k; // ascending magnitude: the negative side read backwards
      negativeIndexes[k] = layout.exportedOfPosition(m.positions[i]);
      negativeCounts[k] = count(m, i);
    }
    int positives = m.positions.length - firstPositive;
    int[] positiveIndexes = new int[positives];
    long[] positiveCounts = new long[positives];
    for (int k = 0; k < positives; k++) {
      positiveIndexes[k] = layout.exportedOfPosition(m.positions[firstPositive + k]);
      positiveCounts[k] = count(m, firstPositive + k);
    }
    double unit = layout.unitsPerExportedUnit();
    boolean empty = m.positions.length == 0;
    return ExponentialBuckets.adopt(ExponentialBuckets.SKETCH_SCHEMA,
        zero >= 0 ? count(m, zero) : 0, positiveIndexes, positiveCounts, negativeIndexes,
        negativeCounts, empty ? Double.NaN : m.min / unit, empty ? Double.NaN : m.max / unit);
  }

  /** Recorded units per exported unit: 1, or 10^9 for a timer's nanoseconds in seconds. */
  public long unitsPerExportedUnit() {
    return layout.unitsPerExportedUnit();
  }

  /** The exact smallest value; meaningless when the snapshot is empty. */
  public long minValue() {
    return merged().min;
  }

  /** The exact largest value; meaningless when the snapshot is empty. */
  public long maxValue() {
    return merged().max;
  }

  private static long count(Merged m, int i) {
    return i == 0 ? m.cumulative[0] : m.cumulative[i] - m.cumulative[i - 1];
  }

  private double representative(Merged m, int i) {
    return clamp(m, layout.representativeOfPosition(m.positions[i]));
  }

  private static double clamp(Merged m, double value) {
    return Math.max(m.min, Math.min(m.max, value));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SketchSnapshot that)) {
      return false;
    }
    Merged a = merged();
    Merged b = that.merged();
    return Arrays.equals(a.positions, b.positions) && Arrays.equals(a.cumulative, b.cumulative)
        && (a.positions.length == 0 || (layout == that.layout && a.min == b.min
            && a.max == b.max));
  }

  @Override
  public int hashCode() {
    Merged m = merged();
    return 31 * Arrays.hashCode(m.positions) + Arrays.hashCode(m.cumulative);
  }

  @Override
  public String toString() {
    return "SketchSnapshot[size=" + size() + ", min=" + getMin() + ", max=" + getMax()
        + ", buckets=" + merged().positions.length + "]";
  }
}
