package dev.tapes;

import java.util.Arrays;

/**
 * Collects (bucket index, count) pairs in ascending index order into the compact arrays of a
 * {@link SketchSnapshot}. Used when reading slots and when merging snapshots.
 */
final class SparseBuckets {

  private int[] indexes;
  private long[] counts;
  private int size;

  SparseBuckets(int expectedBuckets) {
    int capacity = Math.max(8, expectedBuckets);
    indexes = new int[capacity];
    counts = new long[capacity];
  }

  /** Appends a bucket; indexes must arrive strictly ascending, zero counts are skipped. */
  void add(int index, long count) {
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

  int[] indexes() {
    return Arrays.copyOf(indexes, size);
  }

  long[] counts() {
    return Arrays.copyOf(counts, size);
  }

  int size() {
    return size;
  }
}
