package dev.tapes.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every value lands in the bucket the upper-inclusive rule gives, checked against exact integer
 * arithmetic: bucket {@code i} holds {@code v} iff {@code u^64·2^(i−1) < v^64 ≤ u^64·2^i}.
 */
class ExponentialLayoutTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 1_000_000_000})
  void everyValueIsInTheBucketWhoseBoundsHoldIt(long units) {
    ExponentialLayout layout = units == 1 ? ExponentialLayout.UNIT
        : ExponentialLayout.NANOS_AS_SECONDS;
    for (long value : interestingValues(units)) {
      int index = layout.exported(layout.local(value));
      assertThat(holds(units, index, value)).as("%d in bucket %d", value, index).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 1_000_000_000})
  void localIndexesSpanExactlyTheLongRange(long units) {
    ExponentialLayout layout = units == 1 ? ExponentialLayout.UNIT
        : ExponentialLayout.NANOS_AS_SECONDS;
    assertThat(layout.local(1)).isZero();
    assertThat(layout.local(Long.MAX_VALUE)).isEqualTo(ExponentialLayout.LOCAL_INDEXES - 1);
    assertThat(layout.exported(0)).isEqualTo(layout.lowestIndex());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 1_000_000_000})
  void theReportedValueOfABucketIsWithinTheRelativeErrorOfEveryValueInIt(long units) {
    ExponentialLayout layout = units == 1 ? ExponentialLayout.UNIT
        : ExponentialLayout.NANOS_AS_SECONDS;
    double worst = 0;
    for (long value : interestingValues(units)) {
      double reported = layout.representative(layout.local(value));
      worst = Math.max(worst, Math.abs(reported - value) / value);
    }
    assertThat(worst).isLessThanOrEqualTo(ExponentialLayout.RELATIVE_ERROR * (1 + 1e-12));
    assertThat(ExponentialLayout.RELATIVE_ERROR).isBetween(0.00541, 0.00542);
  }

  @org.junit.jupiter.api.Test
  void oneSecondInNanosecondsIsTheUpperBoundOfBucketZero() {
    ExponentialLayout layout = ExponentialLayout.NANOS_AS_SECONDS;
    assertThat(layout.exported(layout.local(1_000_000_000))).isZero();
    assertThat(layout.exported(layout.local(1_000_000_001))).isEqualTo(1);
    assertThat(layout.exported(layout.local(2_000_000_000))).isEqualTo(64);
    assertThat(ExponentialLayout.UNIT.exported(ExponentialLayout.UNIT.local(1024)))
        .isEqualTo(640);
    assertThat(ExponentialLayout.UNIT.exported(ExponentialLayout.UNIT.local(1025)))
        .isEqualTo(641);
  }

  /** Powers of two and the layout's rational boundaries, each ±1, and random values. */
  private static List<Long> interestingValues(long units) {
    List<Long> values = new ArrayList<>();
    for (int e = 0; e < 63; e++) {
      long power = 1L << e;
      values.add(power);
      values.add(power - 1);
      values.add(power + 1);
    }
    for (BigInteger b = BigInteger.valueOf(units); b.bitLength() < 63; b = b.shiftLeft(1)) {
      values.add(b.longValue());
      values.add(b.longValue() - 1);
      values.add(b.longValue() + 1);
    }
    values.add(Long.MAX_VALUE);
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      int bits = random.nextInt(1, 64);
      values.add(bits == 63 ? random.nextLong(1, Long.MAX_VALUE) : random.nextLong(1, 1L << bits));
    }
    values.removeIf(v -> v < 1);
    return values;
  }

  /** {@code u·γ^(i−1) < v ≤ u·γ^i}, raised to the 64th power to stay in integers. */
  private static boolean holds(long units, int index, long value) {
    BigInteger v64 = BigInteger.valueOf(value).pow(64);
    BigInteger u64 = BigInteger.valueOf(units).pow(64);
    return compare(u64, index - 1, v64) < 0 && compare(u64, index, v64) >= 0;
  }

  /** The sign of {@code u64·2^exponent − v64}. */
  private static int compare(BigInteger u64, int exponent, BigInteger v64) {
    return exponent >= 0 ? u64.shiftLeft(exponent).compareTo(v64)
        : u64.compareTo(v64.shiftLeft(-exponent));
  }
}
