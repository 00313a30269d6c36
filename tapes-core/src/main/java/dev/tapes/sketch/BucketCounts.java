package dev.tapes.sketch;

/**
 * Bucket counts read from a sketch: ascending {@link ExponentialLayout#position positions}, the
 * count of each (none zero), and the exact extremes of the values counted ({@link
 * Long#MAX_VALUE} and {@link Long#MIN_VALUE} when there are none). The arrays belong to whoever
 * receives them: nothing else holds them.
 */
public record BucketCounts(int[] positions, long[] counts, long min, long max) {

  /** No bucket at all. */
  public static final BucketCounts EMPTY =
      new BucketCounts(new int[0], new long[0], Long.MAX_VALUE, Long.MIN_VALUE);
}
