package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.sketch.ExponentialLayout;
import dev.tapes.sketch.WindowedSketch;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SketchSnapshotTest {

  @Test
  void mergeOfTwoSnapshotsEqualsTheSnapshotOfAllTheirData() {
    for (long seed = 1; seed <= 300; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Distributions distribution = Distributions.values()[random.nextInt(Distributions.values().length)];
      long[] a = distribution.sample(seed, random.nextInt(0, 2_000));
      long[] b = distribution.sample(seed + 1_000, random.nextInt(0, 2_000));

      SketchSnapshot merged = snapshotOf(a).merge(snapshotOf(b));
      long[] all = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);

      assertThat(merged).as("seed %d, %s", seed, distribution).isEqualTo(snapshotOf(all));
    }
  }

  @Test
  void bucketsRoundTripThroughOf() {
    SketchSnapshot original = snapshotOf(Distributions.SIGNED.sample(7, 5_000));

    SketchSnapshot copy = SketchSnapshot.of(1, original.buckets(), original.minValue(),
        original.maxValue());

    assertThat(copy).isEqualTo(original);
    assertThat(copy.getQuantile(0.99)).isEqualTo(original.getQuantile(0.99));
  }

  @Test
  void anEmptySnapshotReportsNaNNotZero() {
    SketchSnapshot empty = SketchSnapshot.empty();

    assertThat(empty.size()).isZero();
    assertThat(empty.getQuantile(0.5)).isNaN();
    assertThat(empty.getMin()).isNaN();
    assertThat(empty.getMax()).isNaN();
    assertThat(empty.getMean()).isNaN();
    assertThat(empty.getStdDev()).isNaN();
  }

  @Test
  void aSingleValueIsEveryQuantileExactly() {
    SketchSnapshot snapshot = snapshotOf(new long[] {123_456_789});

    assertThat(snapshot.getQuantile(0.5)).isEqualTo(123_456_789);
    assertThat(snapshot.getQuantile(0.999)).isEqualTo(123_456_789);
    assertThat(snapshot.getStdDev()).isZero();
  }

  @Test
  void quantilesOutsideZeroToOneAreRefused() {
    SketchSnapshot snapshot = snapshotOf(new long[] {1, 2, 3});

    assertThatThrownBy(() -> snapshot.getQuantile(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> snapshot.getQuantile(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofRefusesBucketsThatNoSketchCouldHaveProduced() {
    ExponentialBuckets three = buckets(new int[] {102}, new long[] {1});
    assertThatThrownBy(() -> SketchSnapshot.of(7, three, 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 7");
    assertThatThrownBy(() -> SketchSnapshot.of(1, three.downscale(5), 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema 6");
    assertThatThrownBy(() -> SketchSnapshot.of(1, buckets(new int[] {-5}, new long[] {1}), 3,
        3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no long value");
    assertThatThrownBy(() -> SketchSnapshot.of(1, buckets(new int[] {102, 200}, new long[] {1,
        1}), 4, 8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min 4");
    assertThatThrownBy(() -> ExponentialBuckets.of(6, 0, new int[] {5, 3}, new long[] {1, 1},
        new int[0], new long[0], 1, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
    assertThatThrownBy(() -> ExponentialBuckets.of(6, 0, new int[] {3}, new long[] {0},
        new int[0], new long[0], 1, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count 0");
  }

  @Test
  void sketchesOfDifferentUnitsDoNotMerge() {
    SketchSnapshot nanos = SketchSnapshot.of(1_000_000_000,
        buckets(new int[] {0}, new long[] {1}), 1_000_000_000, 1_000_000_000);
    assertThatThrownBy(() -> nanos.merge(snapshotOf(new long[] {5})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different units");
  }

  private static ExponentialBuckets buckets(int[] indexes, long[] counts) {
    return ExponentialBuckets.of(6, 0, indexes, counts, new int[0], new long[0], Double.NaN,
        Double.NaN);
  }

  @Test
  void mergingWithASampleSnapshotIsRefused() {
    SampleSnapshot sample = SampleSnapshot.of(new long[] {1}, new double[] {1});

    assertThatThrownBy(() -> SketchSnapshot.empty().merge(sample))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservoirs");
  }

  static SketchSnapshot snapshotOf(long[] values) {
    WindowedSketch sketch = new WindowedSketch(ExponentialLayout.UNIT, 60_000_000_000L, 0);
    for (long value : values) {
      sketch.record(value);
    }
    return SketchSnapshot.deferred(ExponentialLayout.UNIT, sketch.read(0)::window);
  }
}
