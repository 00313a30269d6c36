package dev.tapes.distributed;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition across a real asynchronous boundary (0MQ, another JVM), checking it
 * every few milliseconds until a generous deadline. Never a fixed sleep.
 */
final class Await {

  static final Duration DEADLINE = Duration.ofSeconds(20);

  private Await() {}

  static void until(BooleanSupplier condition, Supplier<String> description) {
    until(DEADLINE, condition, description);
  }

  static void until(Duration deadline, BooleanSupplier condition,
      Supplier<String> description) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("not within " + deadline + ": " + description.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
