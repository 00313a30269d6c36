package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.sketch.ExponentialLayout;
import dev.tapes.sketch.WindowedSketch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WindowedSketchTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = Registry.builder().clock(clock)
      .window(Duration.ofSeconds(60)).build();

  @Test
  void valuesStayForTheWholeWindowAndLeaveWhenTheirSlotExpires() {
    Histogram histogram = registry.histogram("sizes");
    histogram.update(100);
    clock.advance(Duration.ofSeconds(14));
    histogram.update(200);
    clock.advance(Duration.ofSeconds(45)); // 59 s after the first value

    assertThat(histogram.getSnapshot().size()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1)); // the first 15 s slot is now out of the window
    Snapshot snapshot = histogram.getSnapshot();
    assertThat(snapshot.size()).isZero();
    assertThat(snapshot.getQuantile(0.5)).isNaN();
    assertThat(histogram.getCount()).as("count is lifetime").isEqualTo(2);
  }

  @Test
  void aValueRecordedLateInTheWindowOutlivesEarlierOnes() {
    Histogram histogram = registry.histogram("sizes");
    histogram.update(100);
    clock.advance(Duration.ofSeconds(50));
    histogram.update(900);
    clock.advance(Duration.ofSeconds(20));

    Snapshot snapshot = histogram.getSnapshot();
    assertThat(snapshot.size()).isEqualTo(1);
    assertThat(snapshot.getMin()).isEqualTo(900);
  }

  @Test
  void anIdleWindowEmptiesCompletelyAfterAnyLongPause() {
    Histogram histogram = registry.histogram("sizes");
    for (int i = 0; i < 1_000; i++) {
      histogram.update(i);
    }
    clock.advance(Duration.ofHours(3));

    assertThat(histogram.getSnapshot().size()).isZero();
    histogram.update(7);
    assertThat(histogram.getSnapshot().getMax()).isEqualTo(7);
  }

  @Test
  void aWindowOfItsOwnOverridesTheRegistrysWindow() {
    Histogram histogram = registry.histogram("short", Reservoir.slidingWindow(Duration.ofSeconds(4)));
    histogram.update(1);
    clock.advance(Duration.ofSeconds(4));

    assertThat(histogram.getSnapshot().size()).isZero();
  }

  @Test
  void snapshotsTakenDuringWritesAreNeverTorn() throws Exception {
    WindowedSketch sketch = new WindowedSketch(ExponentialLayout.UNIT, 60_000_000_000L, 0);
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      long seed = w;
      Thread writer = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        while (!stop.get()) {
          sketch.record(random.nextLong(1, 1L << random.nextInt(1, 40)));
        }
      });
      writer.start();
      writers.add(writer);
    }
    try {
      for (int i = 0; i < 2_000; i++) {
        SketchSnapshot snapshot =
            SketchSnapshot.deferred(ExponentialLayout.UNIT, sketch.read(0)::window);
        if (snapshot.size() == 0) {
          continue;
        }
        double previous = snapshot.getMin();
        for (double q = 0; q <= 1.0; q += 0.05) {
          double value = snapshot.getQuantile(q);
          assertThat(value).as("q%s of snapshot %d", q, i).isGreaterThanOrEqualTo(previous);
          previous = value;
        }
        assertThat(snapshot.getMax()).isGreaterThanOrEqualTo(previous);
        assertThat(snapshot.getMean()).isBetween(snapshot.getMin(), snapshot.getMax());
      }
    } finally {
      stop.set(true);
      for (Thread writer : writers) {
        writer.join();
      }
    }
  }
}
