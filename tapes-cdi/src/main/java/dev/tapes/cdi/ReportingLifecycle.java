package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.cdi.TapesConfig.Reporting;
import dev.tapes.cdi.TapesConfig.StatsdReporting;
import dev.tapes.cdi.TapesConfig.StreamReporting;
import dev.tapes.reporting.ScheduledReporter;
import dev.tapes.reporting.StatsdReporter;
import dev.tapes.reporting.StreamReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts the configured reporters when the application starts and stops them when it stops,
 * leaving no thread behind.
 *
 * <p>Reporters run on the container's managed scheduled executor when {@link ManagedExecutors}
 * finds one (it belongs to the container: we cancel our schedules and never shut it down), and
 * otherwise all on one daemon thread, {@value #THREAD_NAME}, which {@link #stop()} ends and
 * waits for. Stopping makes one last report on the stopping thread, so that what was recorded
 * since the last interval is not lost (StatsD totals stay exact across a redeployment).
 */
final class ReportingLifecycle {

  static final String THREAD_NAME = "tapes-reporter";

  private static final System.Logger LOG = System.getLogger(ReportingLifecycle.class.getName());
  private static final long TERMINATION_TIMEOUT_SECONDS = 10;

  private final List<ScheduledReporter> reporters = new ArrayList<>();
  private ScheduledThreadPoolExecutor ownExecutor;

  /**
   * Starts a reporter per entry of {@code configured}, on {@code managed} if not null.
   *
   * @param out where the stream reporter writes: standard output, as the seed's
   */
  synchronized void start(List<Reporting> configured, Registry registry, PrintStream out,
      ScheduledExecutorService managed) {
    if (!reporters.isEmpty() || configured.isEmpty()) {
      return;
    }
    ScheduledExecutorService executor = managed != null ? managed : ownExecutor();
    for (Reporting reporting : configured) {
      ScheduledReporter reporter;
      if (reporting instanceof StreamReporting stream) {
        reporter = new StreamReporter(stream.interval(), out, registry, executor);
      } else {
        StatsdReporting statsd = (StatsdReporting) reporting;
        reporter = new StatsdReporter(statsd.interval(), statsd.host(), statsd.port(),
            statsd.prefix(), registry, executor);
      }
      reporter.start();
      reporters.add(reporter);
      LOG.log(Level.INFO, "started " + reporting + (managed != null
          ? " on the container's managed scheduled executor" : " on thread " + THREAD_NAME));
    }
  }

  /** Stops every reporter after one last report, and ends our thread. Idempotent. */
  synchronized void stop() {
    for (ScheduledReporter reporter : reporters) {
      try {
        reporter.report(); // serialised with a scheduled report: report() is synchronized
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "the last report of " + reporter.getClass().getSimpleName()
            + " at shutdown failed", e);
      }
      reporter.stop();
    }
    reporters.clear();
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
      try {
        if (!ownExecutor.awaitTermination(TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          LOG.log(Level.WARNING, THREAD_NAME + " did not end within "
              + TERMINATION_TIMEOUT_SECONDS + " s of shutdown");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ownExecutor = null;
    }
  }

  private ScheduledExecutorService ownExecutor() {
    ownExecutor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, THREAD_NAME);
      thread.setDaemon(true);
      return thread;
    });
    ownExecutor.setRemoveOnCancelPolicy(true);
    return ownExecutor;
  }
}
