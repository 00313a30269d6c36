package dev.tapes.reporting;

/**
 * Something that reports a registry's metrics until stopped: a scheduled push (stream,
 * StatsD) or an endpoint to pull from (HTTP). The seed's reporters start and stop alike.
 *
 * <pre>{@code
 * try (Reporter reporter = new StreamReporter(Duration.ofSeconds(10), System.out, registry)) {
 *   reporter.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>A reporter never runs on, blocks or throws into the threads that record metrics: it works
 * from snapshots on its own thread (or its container's executor), and logs its faults.
 */
public interface Reporter extends AutoCloseable {

  /** Starts reporting. Calling it on a started reporter does nothing. */
  void start();

  /** Stops reporting promptly, without waiting for a report in progress. Idempotent. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
