package dev.tapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bucket counts as a Prometheus native histogram and an OpenTelemetry exponential histogram
 * carry them: what any writer needs to export a histogram or timer exactly, without the sketch's
 * internals. Immutable.
 *
 * <p>At schema {@code n}, positive bucket {@code i} counts the values in {@code (γ^(i−1), γ^i]}
 * with {@code γ = 2^(2^−n)}, in the metric's exported unit (seconds for timers); negative bucket
 * {@code i} counts those in {@code [−γ^i, −γ^(i−1))}; the zero bucket counts exact zeros. That
 * is Prometheus' convention; OTLP's index of the same bucket is {@code i − 1}. Tapes records at
 * schema 6 ({@link #SKETCH_SCHEMA}); {@link #downscale} gives any coarser schema exactly, since a
 * bucket of schema {@code n − 1} is exactly two of schema {@code n}.
 *
 * <pre>{@code
 * ExponentialBuckets lifetime = timerSnapshot.lifetime();
 * lifetime.schema();            // 6
 * lifetime.positiveIndexes();   // ascending
 * lifetime.withMaxBuckets(160); // at most 160 buckets, at the finest schema that allows it
 * }</pre>
 */
public final class ExponentialBuckets {

  /** The schema the sketch records at: 64 buckets per power of two. */
  public static final int SKETCH_SCHEMA = 6;
  /** The coarsest schema Prometheus accepts. */
  public static final int MIN_SCHEMA = -4;

  private static final int[] NO_INDEXES = new int[0];
  private static final long[] NO_COUNTS = new long[0];
  private static final ExponentialBuckets EMPTY = new ExponentialBuckets(SKETCH_SCHEMA, 0,
      NO_INDEXES, NO_COUNTS, NO_INDEXES, NO_COUNTS, Double.NaN, Double.NaN);

  private final int schema;
  private final long zeroCount;
  private final int[] positiveIndexes;
  private final long[] positiveCounts;
  private final int[] negativeIndexes;
  private final long[] negativeCounts;
  private final double min;
  private final double max;

  private ExponentialBuckets(int schema, long zeroCount, int[] positiveIndexes,
      long[] positiveCounts, int[] negativeIndexes, long[] negativeCounts, double min,
      double max) {
    this.schema = schema;
    this.zeroCount = zeroCount;
    this.positiveIndexes = positiveIndexes;
    this.positiveCounts = positiveCounts;
    this.negativeIndexes = negativeIndexes;
    this.negativeCounts = negativeCounts;
    this.min = min;
    this.max = max;
  }

  /** No value at all, at the sketch's schema. */
  public static ExponentialBuckets empty() {
    return EMPTY;
  }

  /**
   * Buckets from their parts: indexes strictly ascending (for the negative side, by magnitude),
   * counts positive, {@code min} and {@code max} the exact extremes of the values counted in the
   * exported unit ({@code NaN} when there are none).
   *
   * @throws IllegalArgumentException if a part is malformed
   */
  public static ExponentialBuckets of(int schema, long zeroCount, int[] positiveIndexes,
      long[] positiveCounts, int[] negativeIndexes, long[] negativeCounts, double min,
      double max) {
    if (schema < MIN_SCHEMA || schema > 8) {
      throw new IllegalArgumentException("schema must be within -4..8, was " + schema);
    }
    if (zeroCount < 0) {
      throw new IllegalArgumentException("zero count is negative: " + zeroCount);
    }
    check(positiveIndexes, positiveCounts, "positive");
    check(negativeIndexes, negativeCounts, "negative");
    return new ExponentialBuckets(schema, zeroCount, positiveIndexes.clone(),
        positiveCounts.clone(), negativeIndexes.clone(), negativeCounts.clone(), min, max);
  }

  /** For the snapshot model, which builds fresh arrays and hands them over. */
  static ExponentialBuckets adopt(int schema, long zeroCount, int[] positiveIndexes,
      long[] positiveCounts, int[] negativeIndexes, long[] negativeCounts, double min,
      double max) {
    if (zeroCount == 0 && positiveIndexes.length == 0 && negativeIndexes.length == 0
        && schema == SKETCH_SCHEMA) {
      return EMPTY;
    }
    return new ExponentialBuckets(schema, zeroCount, positiveIndexes, positiveCounts,
        negativeIndexes, negativeCounts, min, max);
  }

  private static void check(int[] indexes, long[] counts, String side) {
    Objects.requireNonNull(indexes, side + " indexes");
    Objects.requireNonNull(counts, side + " counts");
    if (indexes.length != counts.length) {
      throw new IllegalArgumentException(indexes.length + " " + side + " indexes but "
          + counts.length + " counts");
    }
    for (int i = 0; i < indexes.length; i++) {
      if (i > 0 && indexes[i] <= indexes[i - 1]) {
        throw new IllegalArgumentException(side + " indexes must ascend: " + indexes[i - 1]
            + " then " + indexes[i]);
      }
      if (counts[i] <= 0) {
        throw new IllegalArgumentException(side + " bucket " + indexes[i] + " has count "
            + counts[i]);
      }
    }
  }

  /** The schema: each bucket spans a factor {@code 2^(2^−schema)}. */
  public int schema() {
    return schema;
  }

  /** How many values were exactly zero. */
  public long zeroCount() {
    return zeroCount;
  }

  /** The indexes of the positive buckets that hold values, ascending; a copy. */
  public int[] positiveIndexes() {
    return positiveIndexes.clone();
  }

  /** The count of each of {@link #positiveIndexes()}; a copy. */
  public long[] positiveCounts() {
    return positiveCounts.clone();
  }

  /** The indexes of the negative buckets that hold values, ascending by magnitude; a copy. */
  public int[] negativeIndexes() {
    return negativeIndexes.clone();
  }

  /** The count of each of {@link #negativeIndexes()}; a copy. */
  public long[] negativeCounts() {
    return negativeCounts.clone();
  }

  /** How many buckets hold values, the zero bucket aside. */
  public int bucketCount() {
    return positiveIndexes.length + negativeIndexes.length;
  }

  /** Every value counted: the zero bucket and every other. */
  public long count() {
    long total = zeroCount;
    for (long count : positiveCounts) {
      total += count;
    }
    for (long count : negativeCounts) {
      total += count;
    }
    return total;
  }

  /** Whether no value was counted. */
  public boolean isEmpty() {
    return zeroCount == 0 && bucketCount() == 0;
  }

  /** The smallest value counted, exactly, in the exported unit; {@code NaN} if none. */
  public double min() {
    return min;
  }

  /** The largest value counted, exactly, in the exported unit; {@code NaN} if none. */
  public double max() {
    return max;
  }

  /**
   * The same values at the coarser {@code target} schema, exactly: bucket {@code i} becomes
   * bucket {@code ceil(i / 2^(schema − target))}, whose bounds contain its own.
   *
   * @throws IllegalArgumentException if {@code target} is finer than this schema or below -4
   */
  public ExponentialBuckets downscale(int target) {
    if (target > schema || target < MIN_SCHEMA) {
      throw new IllegalArgumentException("cannot downscale schema " + schema + " to " + target);
    }
    if (target == schema) {
      return this;
    }
    int shift = schema - target;
    return new ExponentialBuckets(target, zeroCount, merged(positiveIndexes, shift),
        mergedCounts(positiveIndexes, positiveCounts, shift), merged(negativeIndexes, shift),
        mergedCounts(negativeIndexes, negativeCounts, shift), min, max);
  }

  /**
   * These buckets at the finest schema (at most this one's, at least -4) with at most
   * {@code maxBuckets} buckets besides the zero bucket: how a user bounds a series' cost, as
   * client_java and the OpenTelemetry SDK do (they default to 160).
   */
  public ExponentialBuckets withMaxBuckets(int maxBuckets) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("at least one bucket, not " + maxBuckets);
    }
    ExponentialBuckets fitted = this;
    while (fitted.bucketCount() > maxBuckets && fitted.schema > MIN_SCHEMA) {
      fitted = fitted.downscale(fitted.schema - 1);
    }
    return fitted;
  }

  /**
   * The buckets of both together, exactly, at the coarser of the two schemas: what a backend
   * computes when it sums two series.
   */
  public ExponentialBuckets merge(ExponentialBuckets other) {
    int target = Math.min(schema, other.schema);
    ExponentialBuckets a = downscale(target);
    ExponentialBuckets b = other.downscale(target);
    List<long[]> positive = mergeSide(a.positiveIndexes, a.positiveCounts, b.positiveIndexes,
        b.positiveCounts);
    List<long[]> negative = mergeSide(a.negativeIndexes, a.negativeCounts, b.negativeIndexes,
        b.negativeCounts);
    return new ExponentialBuckets(target, a.zeroCount + b.zeroCount, toInts(positive.get(0)),
        positive.get(1), toInts(negative.get(0)), negative.get(1), nanMin(a.min, b.min),
        nanMax(a.max, b.max));
  }

  private static int[] merged(int[] indexes, int shift) {
    int[] out = new int[indexes.length];
    int n = 0;
    for (int index : indexes) {
      int coarse = coarse(index, shift);
      if (n == 0 || out[n - 1] != coarse) {
        out[n++] = coarse;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] mergedCounts(int[] indexes, long[] counts, int shift) {
    long[] out = new long[indexes.length];
    int n = 0;
    int last = 0;
    for (int i = 0; i < indexes.length; i++) {
      int coarse = coarse(indexes[i], shift);
      if (n == 0 || last != coarse) {
        out[n++] = counts[i];
        last = coarse;
      } else {
        out[n - 1] += counts[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** {@code ceil(index / 2^shift)}, for negative indexes too. */
  private static int coarse(int index, int shift) {
    return (index + (1 << shift) - 1) >> shift;
  }

  private static List<long[]> mergeSide(int[] ai, long[] ac, int[] bi, long[] bc) {
    long[] indexes = new long[ai.length + bi.length];
    long[] counts = new long[indexes.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < ai.length || j < bi.length) {
      if (j == bi.length || (i < ai.length && ai[i] < bi[j])) {
        indexes[n] = ai[i];
        counts[n++] = ac[i++];
      } else if (i == ai.length || bi[j] < ai[i]) {
        indexes[n] = bi[j];
        counts[n++] = bc[j++];
      } else {
        indexes[n] = ai[i];
        counts[n++] = ac[i++] + bc[j++];
      }
    }
    List<long[]> result = new ArrayList<>(2);
    result.add(Arrays.copyOf(indexes, n));
    result.add(Arrays.copyOf(counts, n));
    return result;
  }

  private static int[] toInts(long[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = (int) values[i];
    }
    return ints;
  }

  private static double nanMin(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double nanMax(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExponentialBuckets that && schema == that.schema
        && zeroCount == that.zeroCount
        && Arrays.equals(positiveIndexes, that.positiveIndexes)
        && Arrays.equals(positiveCounts, that.positiveCounts)
        && Arrays.equals(negativeIndexes, that.negativeIndexes)
        && Arrays.equals(negativeCounts, that.negativeCounts)
        && Double.compare(min, that.min) == 0 && Double.compare(max, that.max) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, zeroCount, Arrays.hashCode(positiveIndexes),
        Arrays.hashCode(positiveCounts), Arrays.hashCode(negativeIndexes),
        Arrays.hashCode(negativeCounts));
  }

  @Override
  public String toString() {
    return "ExponentialBuckets[schema " + schema + ", " + count() + " values in "
        + bucketCount() + " buckets and " + zeroCount + " zeros]";
  }
}
