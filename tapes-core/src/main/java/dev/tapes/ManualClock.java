package dev.tapes;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Clock} that moves only when told to, for deterministic tests of rates and windows.
 *
 * <p>A registry on any clock but the system's reads its clock whenever a metric records or is
 * read, and catches up then (meter ticks, window rotation): a test therefore sees exactly the
 * numbers the seed's arithmetic gives, on every run, with no background thread involved.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * Meter meter = new Registry(clock).meter("jobs");
 * meter.mark(3);
 * clock.advance(Duration.ofSeconds(65));
 * meter.getOneMinuteRate(); // 0.6 * e^-1 = 0.22072766...
 * }</pre>
 *
 * <p>Thread-safe; time never goes backwards.
 */
public final class ManualClock implements Clock {

  private final Object lock = new Object();
  private volatile long nanos;

  /** A clock starting at an arbitrary non-zero time, to catch code that assumes zero. */
  public ManualClock() {
    this(1_000_000_000L);
  }

  /** A clock starting at {@code startNanos}. */
  public ManualClock(long startNanos) {
    this.nanos = startNanos;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  /** Moves time forward by {@code duration}. */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    advanceNanos(duration.toNanos());
  }

  /** Moves time forward by {@code deltaNanos}. */
  public void advanceNanos(long deltaNanos) {
    if (deltaNanos < 0) {
      throw new IllegalArgumentException("a clock cannot go backwards: " + deltaNanos + " ns");
    }
    synchronized (lock) {
      nanos += deltaNanos;
    }
  }
}
