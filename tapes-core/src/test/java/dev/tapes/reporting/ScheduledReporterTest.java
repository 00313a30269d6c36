package dev.tapes.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class ScheduledReporterTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final Registry registry = new Registry(new ManualClock());

  /** Counts its reports; fails while {@code failing}; blocks while {@code blocking}. */
  private class Probe extends ScheduledReporter {
    final AtomicInteger reports = new AtomicInteger();
    final AtomicBoolean failing = new AtomicBoolean();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean blocking;
    volatile boolean interrupted;

    Probe(Duration interval, ScheduledExecutorService executor) {
      super(interval, registry, executor);
    }

    @Override
    public void report() throws IOException {
      reports.incrementAndGet();
      registry.snapshot();
      if (blocking) {
        try {
          release.await();
        } catch (InterruptedException e) {
          interrupted = true;
          Thread.currentThread().interrupt();
        }
      }
      if (failing.get()) {
        throw new IOException("failing on purpose");
      }
    }
  }

  @Test
  void reportsEveryIntervalOnItsOwnDaemonThread() {
    try (Probe probe = new Probe(Duration.ofMillis(20), null)) {
      probe.start();
      probe.start();

      Await.until(() -> probe.reports.get() >= 3, DEADLINE);
      assertThat(probe.isRunning()).isTrue();
    }
  }

  @Test
  void aFailingReportIsLoggedOnceRetriedAndItsRecoveryLogged() {
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      Probe probe = new Probe(Duration.ofSeconds(1), null);
      probe.failing.set(true);

      probe.reportSafely();
      probe.reportSafely();
      probe.reportSafely();
      probe.failing.set(false);
      probe.reportSafely();

      assertThat(probe.reports).hasValue(4);
      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("Probe failed", "retrying every PT1S");
      assertThat(log.messages(Level.INFO)).containsExactly("Probe recovered after 3 failed "
          + "report(s)");
    }
  }

  @Test
  void aFailingScheduledReportKeepsBeingRetried() {
    try (Probe probe = new Probe(Duration.ofMillis(10), null)) {
      probe.failing.set(true);
      probe.start();

      Await.until(() -> probe.reports.get() >= 5, DEADLINE);
    }
  }

  @Test
  void aSlowReportIsLoggedOnce() {
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      Probe probe = new Probe(Duration.ofNanos(1), null) {
        @Override
        public void report() {
          long start = System.nanoTime();
          while (System.nanoTime() - start < 1_000) {
            Thread.onSpinWait(); // surely longer than the 1 ns interval
          }
        }
      };

      probe.reportSafely();
      probe.reportSafely();

      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("longer than its interval");
    }
  }

  @Test
  void stopReturnsPromptlyWhileAReportIsBlockedAndInterruptsIt() throws Exception {
    Probe probe = new Probe(Duration.ofMillis(10), null);
    probe.blocking = true;
    probe.start();
    Await.until(() -> probe.reports.get() == 1, DEADLINE);

    probe.stop();
    probe.stop();

    assertThat(probe.isRunning()).isFalse();
    Await.until(() -> probe.interrupted, DEADLINE);
    assertThat(probe.reports).hasValue(1);
    probe.release.countDown();
  }

  @Test
  void runsOnAGivenExecutorAndLeavesItRunning() throws Exception {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      Probe probe = new Probe(Duration.ofMillis(10), executor);
      probe.start();
      Await.until(() -> probe.reports.get() >= 2, DEADLINE);

      probe.stop();

      assertThat(executor.isShutdown()).isFalse();
      assertThat(executor.submit(() -> "alive").get(5, TimeUnit.SECONDS)).isEqualTo("alive");
      probe.start();
      int before = probe.reports.get();
      Await.until(() -> probe.reports.get() > before, DEADLINE);
      probe.stop();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void refusesANonPositiveInterval() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Probe(Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
