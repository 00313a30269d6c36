package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentiallyDecayingReservoirTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);

  @Test
  void keepsAtMostItsSizeOfSamples() {
    Histogram histogram = registry.histogram("h", Reservoir.exponentiallyDecaying(100, 0.015));
    for (int i = 0; i < 10_000; i++) {
      histogram.update(i);
    }

    Snapshot snapshot = histogram.getSnapshot();
    assertThat(snapshot.size()).isEqualTo(100);
    assertThat(histogram.getCount()).isEqualTo(10_000);
    assertThat(snapshot.getMin()).isGreaterThanOrEqualTo(0);
    assertThat(snapshot.getMax()).isLessThan(10_000);
  }

  @Test
  void recentValuesCrowdOutOldOnes() {
    Histogram histogram = registry.histogram("h", Reservoir.exponentiallyDecaying(100, 0.015));
    for (int i = 0; i < 1_000; i++) {
      histogram.update(1_000);
    }
    clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 1_000; i++) {
      histogram.update(5);
    }

    // Ten minutes at alpha 0.015 weighs new values e^9 (8,100x) more than old ones.
    assertThat(histogram.getSnapshot().getQuantile(0.5)).isEqualTo(5);
  }

  @Test
  void rescalingAfterAnHourKeepsTheSampleIntact() {
    Histogram histogram = registry.histogram("h", Reservoir.exponentiallyDecaying(10, 0.015));
    for (int i = 1; i <= 10; i++) {
      histogram.update(i);
    }
    clock.advance(Duration.ofMinutes(61));

    Snapshot snapshot = histogram.getSnapshot();
    assertThat(snapshot.size()).isEqualTo(10);
    assertThat(snapshot.getMin()).isEqualTo(1);
    assertThat(snapshot.getMax()).isEqualTo(10);
    assertThat(snapshot.getMean()).isCloseTo(5.5, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Reservoir.exponentiallyDecaying(0, 0.015))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 sample");
    assertThatThrownBy(() -> Reservoir.exponentiallyDecaying(10, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
  }

  @Test
  void sampleSnapshotsMergeByPoolingTheirSamples() {
    SampleSnapshot a = SampleSnapshot.of(new long[] {1, 2}, new double[] {1, 1});
    SampleSnapshot b = SampleSnapshot.of(new long[] {3, 4}, new double[] {5, 5});

    Snapshot merged = a.merge(b);

    assertThat(merged.size()).isEqualTo(4);
    assertThat(merged.getMin()).isEqualTo(1);
    assertThat(merged.getMax()).isEqualTo(4);
    assertThat(merged.getMean()).isEqualTo(2.5);
  }
}
