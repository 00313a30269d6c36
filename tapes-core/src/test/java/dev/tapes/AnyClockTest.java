package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A clock of the user's own (a plain implementation of the interface, not {@link ManualClock})
 * keeps windows and rates right: no heartbeat knows when it moves, so recording checks it.
 */
class AnyClockTest {

  /** A clock as a user writes one: nothing of the library's behind it. */
  private static final class SimulatedClock implements Clock {

    private final AtomicLong nanos = new AtomicLong(42);

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  private final SimulatedClock clock = new SimulatedClock();
  private final Registry registry = new Registry(clock);

  @Test
  void valuesRecordedAfterAJumpPastTheWindowAreTheWindow() {
    Timer timer = registry.timer("t");
    Histogram histogram = registry.histogram("h");
    for (int i = 0; i < 100; i++) {
      timer.update(Duration.ofMillis(10));
      histogram.update(10);
    }
    clock.advance(Duration.ofSeconds(130));
    for (int i = 0; i < 100; i++) {
      timer.update(Duration.ofSeconds(2));
      histogram.update(2_000);
    }

    assertThat((double) stats("t", "q50")).isCloseTo(2.0, within(2.0 * SketchSnapshot.RELATIVE_ERROR));
    assertThat(stats("t", "count")).isEqualTo(200L);
    assertThat(histogram.getSnapshot().size()).as("only the values after the jump").isEqualTo(100);
    assertThat(histogram.getSnapshot().getMin()).isEqualTo(2_000);
  }

  @Test
  void valuesMoveOutOfTheWindowAsTheClockMovesWithoutAnyWrite() {
    Histogram histogram = registry.histogram("h");
    histogram.update(5);
    clock.advance(Duration.ofSeconds(30));
    assertThat(histogram.getSnapshot().size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(45));
    assertThat(histogram.getSnapshot().size()).isZero();
  }

  @Test
  void ratesFollowTheClockAsTheSeedsDo() {
    Meter meter = registry.meter("m");
    meter.mark(3);
    clock.advance(Duration.ofSeconds(65));

    // 3 events in the first 5-second tick, then 12 idle ticks: 0.6 * e^-1.
    assertThat(meter.getOneMinuteRate()).isCloseTo(0.22072766, within(1e-8));
  }

  private Object stats(String metric, String key) {
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> leaf = (java.util.Map<String, Object>) registry.getStats()
        .get(metric);
    return leaf.get(key);
  }
}
