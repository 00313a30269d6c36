package dev.tapes.benchmarks;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;

/**
 * The quantile a Prometheus server's {@code histogram_quantile(q, ...)} would compute from one
 * histogram data point: a histogram has no quantiles of its own, so this is the number its
 * users see on their dashboards.
 *
 * <p>Classic buckets: find the bucket holding rank {@code q * count}, then interpolate linearly
 * between its bounds (the lowest bucket starting at 0; a rank in the {@code +Inf} bucket
 * answers the highest finite bound). Native buckets: the same search, interpolating
 * exponentially within the bucket, as Prometheus 3 does for standard exponential schemas.
 * Only non-negative observations are handled; durations are never negative.
 */
final class PromqlQuantile {

  private PromqlQuantile() {}

  static double of(double q, HistogramDataPointSnapshot point) {
    return point.hasClassicHistogramData() ? classic(q, point.getClassicBuckets())
        : nativeBuckets(q, point);
  }

  static double classic(double q, ClassicHistogramBuckets buckets) {
    long total = 0;
    for (int i = 0; i < buckets.size(); i++) {
      total += buckets.getCount(i);
    }
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    long below = 0;
    for (int i = 0; i < buckets.size(); i++) {
      long count = buckets.getCount(i);
      double upper = buckets.getUpperBound(i);
      if (below + count >= rank && count > 0) {
        if (Double.isInfinite(upper)) {
          return i == 0 ? Double.NaN : buckets.getUpperBound(i - 1);
        }
        double lower = i == 0 ? Math.min(0, upper) : buckets.getUpperBound(i - 1);
        return lower + (upper - lower) * ((rank - below) / count);
      }
      below += count;
    }
    return buckets.getUpperBound(buckets.size() - 1);
  }

  static double nativeBuckets(double q, HistogramDataPointSnapshot point) {
    NativeHistogramBuckets positive = point.getNativeBucketsForPositiveValues();
    long zero = point.getNativeZeroCount();
    long total = zero;
    for (int i = 0; i < positive.size(); i++) {
      total += positive.getCount(i);
    }
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    if (rank <= zero) {
      return 0;
    }
    double base = Math.pow(2, Math.pow(2, -point.getNativeSchema()));
    double below = zero;
    for (int i = 0; i < positive.size(); i++) {
      long count = positive.getCount(i);
      if (below + count >= rank && count > 0) {
        // Bucket index i covers (base^(i-1), base^i].
        int index = positive.getBucketIndex(i);
        double lower = Math.pow(base, index - 1);
        double fraction = (rank - below) / count;
        return lower * Math.pow(base, fraction);
      }
      below += count;
    }
    return Math.pow(base, positive.getBucketIndex(positive.size() - 1));
  }
}
