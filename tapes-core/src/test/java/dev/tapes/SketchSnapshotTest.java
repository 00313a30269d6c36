package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    SketchSnapshot copy = SketchSnapshot.of(original.indexes(), original.counts(),
        original.minValue(), original.maxValue());

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
    assertThatThrownBy(() -> SketchSnapshot.of(new int[] {5, 3}, new long[] {1, 1}, 3, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
    assertThatThrownBy(() -> SketchSnapshot.of(new int[] {3}, new long[] {0}, 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count 0");
    assertThatThrownBy(() -> SketchSnapshot.of(new int[] {3}, new long[] {1, 2}, 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts");
    assertThatThrownBy(() -> SketchSnapshot.of(new int[] {1 << 20}, new long[] {1}, 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a bucket");
    assertThatThrownBy(() -> SketchSnapshot.of(new int[] {3, 9}, new long[] {1, 1}, 4, 9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min 4");
  }

  @Test
  void mergingWithASampleSnapshotIsRefused() {
    SampleSnapshot sample = SampleSnapshot.of(new long[] {1}, new double[] {1});

    assertThatThrownBy(() -> SketchSnapshot.empty().merge(sample))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservoirs");
  }

  static SketchSnapshot snapshotOf(long[] values) {
    WindowedSketch sketch = new WindowedSketch(60_000_000_000L, 0);
    for (long value : values) {
      sketch.record(value);
    }
    return SketchSnapshot.adopt(sketch.read(0));
  }
}
