package dev.tapes.sketch;

/**
 * Bucket counts read from a sketch: ascending signed bucket indexes of {@link LogLinearBuckets},
 * the count of each (none zero), and the exact extremes of the values counted. The arrays belong
 * to whoever receives them: nothing else holds them.
 */
public record BucketCounts(int[] indexes, long[] counts, long min, long max) {}
