package dev.tapes;

/**
 * The source of time for every rate, window and timer in a {@link Registry}.
 *
 * <p>Only differences between two readings mean anything, as with {@link System#nanoTime()}.
 * Tests pass a {@link ManualClock} so that rates and windows are checked without sleeping:
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * Registry registry = new Registry(clock);
 * registry.meter("jobs").mark(3);
 * clock.advance(Duration.ofSeconds(5));
 * }</pre>
 */
@FunctionalInterface
public interface Clock {

  /** Monotonic time in nanoseconds; only differences between readings are meaningful. */
  long nanoTime();

  /** The JVM's monotonic clock, {@link System#nanoTime()}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
