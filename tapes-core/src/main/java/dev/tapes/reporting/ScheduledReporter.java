package dev.tapes.reporting;

import dev.tapes.SnapshotSource;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A reporter that calls {@link #report()} every interval: the seed's
 * {@code ScheduledReporter}. Subclasses implement {@code report()}, reading the registry (or any
 * {@link SnapshotSource}) only through {@code getRegistry().snapshot()}.
 *
 * <pre>{@code
 * Reporter reporter = new ScheduledReporter(Duration.ofSeconds(10), registry) {
 *   @Override
 *   public void report() {
 *     log.info(JsonFormat.toString(getRegistry().snapshot()));
 *   }
 * };
 * reporter.start();
 * }</pre>
 *
 * <p><b>Threads.</b> By default each reporter runs on one daemon thread of its own, created by
 * {@link #start()} and ended by {@link #stop()}. In a server, pass the container's
 * {@code ManagedScheduledExecutorService} instead; the reporter then schedules on it and never
 * shuts it down. Reports run with a fixed delay of one interval between the end of one and the
 * start of the next, so a slow report never piles up runs.
 *
 * <p><b>Faults.</b> A report that throws is logged once (a warning with the exception), then
 * retried every interval, quietly, until one succeeds, which is logged too. A report that takes
 * longer than the interval is logged once likewise. Nothing is thrown to the caller of
 * {@code start()} or to any application thread. {@link #stop()} returns at once, even while a
 * report is blocked: it cancels the schedule and interrupts that report.
 */
public abstract class ScheduledReporter implements Reporter {

  private static final System.Logger LOG = System.getLogger(ScheduledReporter.class.getName());

  private final Duration interval;
  private final SnapshotSource registry;
  private final ScheduledExecutorService providedExecutor;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private ScheduledExecutorService ownExecutor;
  /** Guarded by {@link #lock}. */
  private ScheduledFuture<?> schedule;
  private volatile boolean running;
  /** Touched only by the reporting thread (reports never overlap). */
  private boolean failing;
  private long failures;
  private boolean slow;

  /** Reports {@code registry} every {@code interval} on a daemon thread of its own. */
  protected ScheduledReporter(Duration interval, SnapshotSource registry) {
    this(interval, registry, null);
  }

  /**
   * Reports {@code registry} every {@code interval} on {@code executor} (for example a
   * container's {@code ManagedScheduledExecutorService}), which it never shuts down.
   */
  protected ScheduledReporter(Duration interval, SnapshotSource registry,
      ScheduledExecutorService executor) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
    this.registry = Objects.requireNonNull(registry, "registry");
    this.providedExecutor = executor;
  }

  /**
   * Sends or writes one report of {@link #getRegistry()}'s current snapshot. Called every
   * interval on the reporting thread; tests and users may also call it directly.
   *
   * @throws IOException if the report could not be delivered (logged by the scheduler)
   */
  public abstract void report() throws IOException;

  @Override
  public void start() {
    synchronized (lock) {
      if (running) {
        return;
      }
      ScheduledExecutorService executor = providedExecutor;
      if (executor == null) {
        String name = "tapes-" + getClass().getSimpleName();
        ownExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, name.equals("tapes-") ? "tapes-reporter" : name);
          thread.setDaemon(true);
          return thread;
        });
        executor = ownExecutor;
      }
      long nanos = interval.toNanos();
      schedule = executor.scheduleWithFixedDelay(this::reportSafely, nanos, nanos,
          TimeUnit.NANOSECONDS);
      running = true;
    }
  }

  @Override
  public void stop() {
    ScheduledFuture<?> cancelled;
    ScheduledExecutorService executor;
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      cancelled = schedule;
      executor = ownExecutor;
      schedule = null;
      ownExecutor = null;
    }
    cancelled.cancel(true);
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** True between {@link #start()} and {@link #stop()}. */
  public boolean isRunning() {
    return running;
  }

  public Duration getInterval() {
    return interval;
  }

  /**
   * What this reporter reports: a registry, or another {@link SnapshotSource} such as an
   * aggregator's merged view; read it through {@code snapshot()}.
   */
  protected SnapshotSource getRegistry() {
    return registry;
  }

  /** One scheduled run: {@link #report()} with faults logged, never thrown. */
  final void reportSafely() {
    long start = System.nanoTime();
    try {
      report();
      if (failing) {
        failing = false;
        LOG.log(Level.INFO, describe() + " recovered after " + failures + " failed report(s)");
        failures = 0;
      }
    } catch (Throwable e) {
      if (!running && Thread.currentThread().isInterrupted()) {
        LOG.log(Level.DEBUG, describe() + " interrupted by stop()", e);
        return;
      }
      failures++;
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, describe() + " failed; retrying every " + interval
            + " and logging again only once it recovers", e);
      } else {
        LOG.log(Level.DEBUG, describe() + " failed again", e);
      }
    }
    long elapsedNanos = System.nanoTime() - start;
    if (elapsedNanos > interval.toNanos()) {
      if (!slow) {
        slow = true;
        LOG.log(Level.WARNING, describe() + " took " + Duration.ofNanos(elapsedNanos)
            + ", longer than its interval " + interval + "; reports run one interval apart, "
            + "so they are now late. Logged once until a report is fast again.");
      }
    } else {
      slow = false;
    }
  }

  /** How log messages name this reporter. */
  protected String describe() {
    return getClass().getSimpleName();
  }
}
