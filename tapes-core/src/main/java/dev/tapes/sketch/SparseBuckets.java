package dev.tapes.sketch;

import java.util.Arrays;

/**
 * Collects (bucket position, count) pairs in ascending position order into compact arrays, as
 * {@link BucketCounts} holds them. Used when reading slots and when merging snapshots.
 */
public final class SparseBuckets {

  private int[] positions;
  private long[] counts;
  private int size;

  public SparseBuckets(int expectedBuckets) {
    int capacity = Math.max(8, expectedBuckets);
    positions = new int[capacity];
    counts = new long[capacity];
  }

  /** Appends a bucket; positions must arrive strictly ascending, zero counts are skipped. */
  public void add(int index, long count) {
    if (count == 0) {
      return;
    }
    if (size > 0 && positions[size - 1] >= index) {
      throw new IllegalStateException("bucket " + index + " after " + positions[size - 1]);
    }
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    positions[size] = index;
    counts[size] = count;
    size++;
  }

  /**
   * Appends the non-zero counts of one sketch page, {@code sums[sub]} for bucket
   * {@code ±(page * 64 + sub)}: sub ascending on the positive side, descending on the negative,
   * so that signed positions ascend. They must all exceed the positions added before.
   */
  void addPage(int page, boolean negativeSide, long[] sums) {
    int base = page << SketchPages.PAGE_BITS;
    int lowest = negativeSide ? -(base | (SketchPages.PAGE_SIZE - 1)) : base;
    if (size > 0 && positions[size - 1] >= lowest) {
      throw new IllegalStateException("page " + page + " after bucket " + positions[size - 1]);
    }
    if (size + SketchPages.PAGE_SIZE > positions.length) {
      int capacity = Math.max(positions.length * 2, size + SketchPages.PAGE_SIZE);
      positions = Arrays.copyOf(positions, capacity);
      counts = Arrays.copyOf(counts, capacity);
    }
    // Branch-free: every bucket is written at the end, and kept by advancing past it only when
    // its count is not zero. Which buckets are empty follows no pattern a branch predictor
    // could learn, and mispredictions cost more than the stores.
    int end = size;
    if (negativeSide) {
      for (int sub = SketchPages.PAGE_SIZE - 1; sub >= 0; sub--) {
        long count = sums[sub];
        positions[end] = -(base | sub);
        counts[end] = count;
        end += count != 0 ? 1 : 0;
      }
    } else {
      for (int sub = 0; sub < SketchPages.PAGE_SIZE; sub++) {
        long count = sums[sub];
        positions[end] = base | sub;
        counts[end] = count;
        end += count != 0 ? 1 : 0;
      }
    }
    size = end;
  }

  /** The positions added, in an array of their exact length (this one's own when full). */
  public int[] positions() {
    return size == positions.length ? positions : Arrays.copyOf(positions, size);
  }

  /** The counts added, in an array of their exact length (this one's own when full). */
  public long[] counts() {
    return size == counts.length ? counts : Arrays.copyOf(counts, size);
  }

  public int size() {
    return size;
  }
}
