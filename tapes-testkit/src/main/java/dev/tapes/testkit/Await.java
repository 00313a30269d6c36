package dev.tapes.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls for a condition until a deadline: how tests wait across a real asynchronous boundary
 * (UDP, HTTP, another process) without sleeping a guessed amount of time.
 *
 * <pre>{@code
 * Await.until(() -> statsd.counters().get("jobs.count") == 5.0, Duration.ofSeconds(10));
 * }</pre>
 */
public final class Await {

  private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

  private Await() {}

  /**
   * Returns as soon as {@code condition} holds.
   *
   * @throws AssertionError if it still does not hold after {@code deadline}
   */
  public static void until(BooleanSupplier condition, Duration deadline) {
    until(condition, deadline, () -> "condition");
  }

  /**
   * Returns as soon as {@code condition} holds.
   *
   * @param description evaluated only on failure, to say what was awaited and what was seen
   * @throws AssertionError if it still does not hold after {@code deadline}
   */
  public static void until(BooleanSupplier condition, Duration deadline,
      Supplier<String> description) {
    until(condition, deadline, Duration.ofNanos(POLL_NANOS), description);
  }

  /**
   * Returns as soon as {@code condition} holds, checking it every {@code pollInterval}: for
   * conditions that are costly to check (another process, a full garbage collection).
   *
   * @param description evaluated only on failure, to say what was awaited and what was seen
   * @throws AssertionError if it still does not hold after {@code deadline}
   */
  public static void until(BooleanSupplier condition, Duration deadline, Duration pollInterval,
      Supplier<String> description) {
    Objects.requireNonNull(condition, "condition");
    long end = System.nanoTime() + deadline.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        // A peer not ready yet (connection refused, key absent) counts as "not yet".
        last = e;
      }
      if (System.nanoTime() - end >= 0) {
        AssertionError failure = new AssertionError("timed out after " + deadline
            + " waiting for " + description.get());
        if (last != null) {
          failure.initCause(last);
        }
        throw failure;
      }
      pause(pollInterval);
    }
  }

  private static void pause(Duration pollInterval) {
    // Polling, not waiting for an event to happen: a bounded pause between two checks.
    try {
      Thread.sleep(Math.max(1, pollInterval.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
