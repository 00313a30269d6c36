package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeterTest {

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);
  private final Meter meter = registry.meter("jobs");

  @Test
  void oneMinuteRateFedThreeEventsThenIdleForAMinuteIsSixTenthsOverE() {
    meter.mark(3);
    clock.advance(Duration.ofSeconds(65)); // the first tick, then twelve idle ones

    assertThat(meter.getOneMinuteRate()).isCloseTo(0.22072766, within(1e-8));
    assertThat(meter.getFiveMinuteRate()).isCloseTo(0.6 * Math.exp(-1.0 / 5), within(1e-12));
    assertThat(meter.getFifteenMinuteRate()).isCloseTo(0.6 * Math.exp(-1.0 / 15), within(1e-12));
  }

  @Test
  void firstTickSetsTheRateToTheCountOverFiveSeconds() {
    meter.mark(7);
    clock.advance(Duration.ofSeconds(6));

    assertThat(meter.getOneMinuteRate()).isEqualTo(7 / 5.0);
    assertThat(meter.getFifteenMinuteRate()).isEqualTo(7 / 5.0);
  }

  @Test
  void noTickUntilMoreThanFiveSecondsHavePassed() {
    meter.mark(7);
    clock.advance(Duration.ofSeconds(5));

    assertThat(meter.getOneMinuteRate()).isZero();

    clock.advanceNanos(1);
    assertThat(meter.getOneMinuteRate()).isEqualTo(7 / 5.0);
  }

  @Test
  void lastTickAdvancesInWholeTicksSoLaterMarksFallInTheNextInterval() {
    meter.mark(5);
    clock.advance(Duration.ofSeconds(7)); // tick at 7 s; last tick is 5 s, not 7 s
    meter.mark(10);
    clock.advance(Duration.ofMillis(3_500)); // 10.5 s: more than 5 s after 5 s, so a tick

    double alpha = 1 - Math.exp(-5.0 / 60);
    assertThat(meter.getOneMinuteRate()).isCloseTo(1.0 + alpha * (2.0 - 1.0), within(1e-12));
  }

  @Test
  void meanRateIsTheCountOverTheMetersAge() {
    meter.mark(30);
    clock.advance(Duration.ofSeconds(10));

    assertThat(meter.getMeanRate()).isEqualTo(3.0);
    assertThat(meter.getCount()).isEqualTo(30);
  }

  @Test
  void ratesMatchTheSeedMeterOnRandomSchedules() {
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      ManualClock time = new ManualClock(random.nextLong(1, 1L << 40));
      Meter ours = new Registry(time).meter("m");
      SeedMeter reference = new SeedMeter(time.nanoTime());
      for (int step = 0; step < 300; step++) {
        switch (random.nextInt(3)) {
          case 0 -> {
            long n = random.nextInt(1, 50);
            ours.mark(n);
            reference.mark(n, time.nanoTime());
          }
          case 1 -> time.advanceNanos(random.nextLong(0, 20_000_000_000L));
          default -> {
            double[] expected = reference.rates(time.nanoTime());
            String context = "seed " + seed + " step " + step;
            assertThat(ours.getOneMinuteRate()).as(context)
                .isCloseTo(expected[0], within(1e-9 * Math.max(1, expected[0])));
            assertThat(ours.getFiveMinuteRate()).as(context)
                .isCloseTo(expected[1], within(1e-9 * Math.max(1, expected[1])));
            assertThat(ours.getFifteenMinuteRate()).as(context)
                .isCloseTo(expected[2], within(1e-9 * Math.max(1, expected[2])));
          }
        }
      }
    }
  }

  @Test
  void aMeterIdleForADayDecaysToZeroWithoutLooping() {
    meter.mark(1_000);
    clock.advance(Duration.ofDays(1));

    assertThat(meter.getOneMinuteRate()).isZero();
    assertThat(meter.getFifteenMinuteRate()).isLessThan(1e-30);
  }

  @Test
  void markingANegativeNumberOfEventsIsRefused() {
    assertThatThrownBy(() -> meter.mark(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobs")
        .hasMessageContaining("-1");
  }
}
