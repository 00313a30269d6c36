package dev.tapes.sketch;

import java.util.Arrays;

/**
 * Collects (bucket index, count) pairs in ascending index order into the compact arrays of a
 * {@link SketchSnapshot}. Used when reading slots and when merging snapshots.
 */
public final class SparseBuckets {

  private int[] indexes;
  private long[] counts;
  private int size;

  public SparseBuckets(int expectedBuckets) {
    int capacity = Math.max(8, expectedBuckets);
    indexes = new int[capacity];
    counts = new long[capacity];
  }

  /** Appends a bucket; indexes must arrive strictly ascending, zero counts are skipped. */
  public void add(int index, long count) {
    if (count == 0) {
      return;
    }
    if (size > 0 && indexes[size - 1] >= index) {
      throw new IllegalStateException("bucket " + index + " after " + indexes[size - 1]);
    }
    if (size == indexes.length) {
      indexes = Arrays.copyOf(indexes, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    indexes[size] = index;
    counts[size] = count;
    size++;
  }

  /**
   * Appends the non-zero counts of one sketch page, {@code sums[sub]} for bucket
   * {@code ±(page * 64 + sub)}: sub ascending on the positive side, descending on the negative,
   * so that signed indexes ascend. They must all exceed the indexes added before.
   */
  void addPage(int page, boolean negativeSide, long[] sums) {
    int base = page << LogLinearBuckets.SUB_BITS;
    int lowest = negativeSide ? -(base | (LogLinearBuckets.SUB_BUCKETS - 1)) : base;
    if (size > 0 && indexes[size - 1] >= lowest) {
      throw new IllegalStateException("page " + page + " after bucket " + indexes[size - 1]);
    }
    if (size + LogLinearBuckets.SUB_BUCKETS > indexes.length) {
      int capacity = Math.max(indexes.length * 2, size + LogLinearBuckets.SUB_BUCKETS);
      indexes = Arrays.copyOf(indexes, capacity);
      counts = Arrays.copyOf(counts, capacity);
    }
    // Branch-free: every bucket is written at the end, and kept by advancing past it only when
    // its count is not zero. Which buckets are empty follows no pattern a branch predictor
    // could learn, and mispredictions cost more than the stores.
    int end = size;
    if (negativeSide) {
      for (int sub = LogLinearBuckets.SUB_BUCKETS - 1; sub >= 0; sub--) {
        long count = sums[sub];
        indexes[end] = -(base | sub);
        counts[end] = count;
        end += count != 0 ? 1 : 0;
      }
    } else {
      for (int sub = 0; sub < LogLinearBuckets.SUB_BUCKETS; sub++) {
        long count = sums[sub];
        indexes[end] = base | sub;
        counts[end] = count;
        end += count != 0 ? 1 : 0;
      }
    }
    size = end;
  }

  /** The indexes added, in an array of their exact length (this one's own when full). */
  public int[] indexes() {
    return size == indexes.length ? indexes : Arrays.copyOf(indexes, size);
  }

  /** The counts added, in an array of their exact length (this one's own when full). */
  public long[] counts() {
    return size == counts.length ? counts : Arrays.copyOf(counts, size);
  }

  public int size() {
    return size;
  }
}
