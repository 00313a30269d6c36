package dev.tapes;

import java.time.Duration;

/**
 * The one-, five- and fifteen-minute rates of a meter or timer, ticked exactly as the seed.
 *
 * <p>A tick happens once more than {@link #TICK} has passed since the last one; all overdue
 * ticks are applied at once (the first carrying every event counted since the previous tick)
 * and the last-tick time advances in whole ticks: {@code lastTick = now - age % TICK}.
 *
 * <p>On the system clock, marking never reads the clock or calls this class: the meter only
 * adds to its count. Ticks come from the registry's heartbeat (about once a second) and from
 * every read, so each interval's events are attributed to it within the heartbeat's period while
 * the write path stays a single add. On any other clock (a test's, a simulation's) no heartbeat
 * can know when time moves, so the meter calls {@link #tickIfDue} before it counts.
 */
final class MovingAverages {

  /** The seed's tick interval. */
  static final Duration TICK = Duration.ofSeconds(5);

  private static final long TICK_NANOS = TICK.toNanos();

  private final Ewma oneMinute = Ewma.overMinutes(1);
  private final Ewma fiveMinute = Ewma.overMinutes(5);
  private final Ewma fifteenMinute = Ewma.overMinutes(15);
  private final long startNanos;
  /** Written under the lock; volatile for {@link #tickIfDue}'s unlocked look. */
  private volatile long lastTickNanos;
  private long countAtLastTick;

  MovingAverages(long nowNanos) {
    this.startNanos = nowNanos;
    this.lastTickNanos = nowNanos;
  }

  /** Applies the ticks due at {@code nowNanos}, given the metric's lifetime event count. */
  synchronized void tick(long nowNanos, long count) {
    long age = nowNanos - lastTickNanos;
    if (age <= TICK_NANOS) {
      return;
    }
    long ticks = age / TICK_NANOS;
    lastTickNanos = nowNanos - age % TICK_NANOS;
    long events = count - countAtLastTick;
    countAtLastTick = count;
    oneMinute.tick(events, ticks);
    fiveMinute.tick(events, ticks);
    fifteenMinute.tick(events, ticks);
  }

  /**
   * Ticks if one is due at {@code nowNanos}: without the lock, and without summing {@code count},
   * unless it is. Called before counting an event, so that it lands in the interval it happened in.
   */
  void tickIfDue(long nowNanos, java.util.concurrent.atomic.LongAdder count) {
    if (nowNanos - lastTickNanos > TICK_NANOS) {
      tick(nowNanos, count.sum());
    }
  }

  /** The rates as of {@code nowNanos}; ticks first. */
  Rates rates(long nowNanos, long count) {
    tick(nowNanos, count);
    double elapsedSeconds = (nowNanos - startNanos) / 1e9;
    double mean = count == 0 || elapsedSeconds <= 0 ? 0.0 : count / elapsedSeconds;
    return new Rates(mean, oneMinute.ratePerSecond(), fiveMinute.ratePerSecond(),
        fifteenMinute.ratePerSecond());
  }
}
