package dev.tapes.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogLinearBucketsTest {

  @Test
  void everyValueLiesInItsBucketAndItsRepresentativeIsWithinTheRelativeError() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1_000_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      if (value == Long.MIN_VALUE) {
        continue; // recorded as -Long.MAX_VALUE, the layout's most negative bucket
      }
      int index = LogLinearBuckets.index(value);
      assertThat(LogLinearBuckets.isValid(index)).isTrue();
      assertThat(LogLinearBuckets.lowerBound(index)).as("value %d", value).isLessThanOrEqualTo(value);
      assertThat(LogLinearBuckets.upperBound(index)).as("value %d", value).isGreaterThanOrEqualTo(value);
      double error = Math.abs(LogLinearBuckets.representative(index) - value);
      assertThat(error).as("value %d", value)
          .isLessThanOrEqualTo(LogLinearBuckets.RELATIVE_ERROR * Math.abs((double) value));
    }
  }

  @Test
  void bucketsTileTheWholeLongRangeInOrder() {
    int first = LogLinearBuckets.index(Long.MIN_VALUE);
    int last = LogLinearBuckets.index(Long.MAX_VALUE);
    assertThat(LogLinearBuckets.lowerBound(first)).isEqualTo(-Long.MAX_VALUE);
    assertThat(LogLinearBuckets.upperBound(last)).isEqualTo(Long.MAX_VALUE);
    for (int index = first; index < last; index++) {
      assertThat(LogLinearBuckets.upperBound(index) + 1)
          .as("bucket %d", index)
          .isEqualTo(LogLinearBuckets.lowerBound(index + 1));
      assertThat(LogLinearBuckets.index(LogLinearBuckets.lowerBound(index))).isEqualTo(index);
      assertThat(LogLinearBuckets.index(LogLinearBuckets.upperBound(index))).isEqualTo(index);
    }
  }

  @Test
  void smallValuesAreExact() {
    for (long value = 0; value < 64; value++) {
      assertThat(LogLinearBuckets.representative(LogLinearBuckets.index(value))).isEqualTo(value);
    }
  }
}
