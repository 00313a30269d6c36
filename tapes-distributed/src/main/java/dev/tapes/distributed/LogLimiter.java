package dev.tapes.distributed;

import dev.tapes.Clock;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Logs at most one line per period and counts what it held back, so that a flood of bad
 * frames costs a log line every few seconds, not one per frame. The count of suppressed lines
 * is reported with the next line logged.
 *
 * <p>Thread-safe; the lock is held only to decide, never while logging.
 */
final class LogLimiter {

  private final System.Logger logger;
  private final Clock clock;
  private final long periodNanos;
  private final Object lock = new Object();
  private boolean started;
  private long lastLoggedNanos;
  private long suppressed;

  LogLimiter(System.Logger logger, Clock clock, Duration period) {
    this.logger = logger;
    this.clock = clock;
    this.periodNanos = period.toNanos();
  }

  /** Logs {@code message}, unless a line was logged less than a period ago. */
  void log(Level level, String message) {
    long held;
    synchronized (lock) {
      long now = clock.nanoTime();
      if (started && now - lastLoggedNanos < periodNanos) {
        suppressed++;
        return;
      }
      started = true;
      lastLoggedNanos = now;
      held = suppressed;
      suppressed = 0;
    }
    logger.log(level, held == 0 ? message
        : message + " (" + held + " similar messages suppressed before this one)");
  }
}
