package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);
  private final Timer timer = registry.timer("orders.place");

  @Test
  void aContextRecordsTheElapsedTimeOnceWhenClosed() {
    try (Timer.Context context = timer.time()) {
      clock.advance(Duration.ofMillis(250));
    }

    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(250_000_000);
  }

  @Test
  void stopReturnsTheDurationAndLaterStopsRecordNothing() {
    Timer.Context context = timer.time();
    clock.advance(Duration.ofMillis(3));

    assertThat(context.stop()).isEqualTo(3_000_000);
    clock.advance(Duration.ofMillis(3));
    assertThat(context.stop()).isEqualTo(3_000_000);
    context.close();
    assertThat(timer.getCount()).isEqualTo(1);
  }

  @Test
  void updatesConvertEveryUnitToNanoseconds() {
    timer.update(2, TimeUnit.MILLISECONDS);
    timer.update(Duration.ofNanos(5_000));
    timer.update(7);

    Snapshot snapshot = timer.getSnapshot();
    assertThat(snapshot.getMin()).isEqualTo(7);
    assertThat(snapshot.getMax()).isEqualTo(2_000_000);
    assertThat(snapshot.size()).isEqualTo(3);
  }

  @Test
  void negativeDurationsAreIgnored() {
    timer.update(-5);

    assertThat(timer.getCount()).isZero();
  }

  @Test
  void recordTimesACallEvenWhenItThrows() {
    assertThatThrownBy(() -> timer.record((Runnable) () -> {
      clock.advance(Duration.ofMillis(8));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    String result = timer.record(() -> {
      clock.advance(Duration.ofMillis(2));
      return "placed";
    });

    assertThat(result).isEqualTo("placed");
    assertThat(timer.getCount()).isEqualTo(2);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(8_000_000);
  }

  @Test
  void aTimerIsAlsoAMeterOfItsCalls() {
    for (int i = 0; i < 10; i++) {
      timer.update(1_000);
    }
    clock.advance(Duration.ofSeconds(6));

    assertThat(timer.getOneMinuteRate()).isEqualTo(2.0);
    assertThat(timer.getMeanRate()).isCloseTo(10 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theSeedsReservoirIsAvailableOnRequest() {
    Timer sampled = registry.timer("sampled", Reservoir.exponentiallyDecaying());
    for (int i = 1; i <= 100; i++) {
      sampled.update(i);
    }

    assertThat(sampled.getSnapshot()).isInstanceOf(SampleSnapshot.class);
    assertThat(sampled.getSnapshot().size()).isEqualTo(100);
    assertThat(sampled.getSnapshot().getQuantile(0.5)).isBetween(45.0, 55.0);
    assertThat(registry.timer("sampled")).isSameAs(sampled);
  }
}
