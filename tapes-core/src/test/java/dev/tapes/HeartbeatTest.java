package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Registries not on a manual clock tick in the background, and stop when closed or dropped. */
class HeartbeatTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void aRegistryOnItsOwnClockIsTickedWithoutAnyRead() throws Exception {
    AtomicLong nanos = new AtomicLong();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      Registry registry = Registry.builder().clock(nanos::get).heartbeatScheduler(scheduler)
          .build();
      Meter meter = registry.meter("m");
      meter.mark(10);
      nanos.addAndGet(Duration.ofSeconds(6).toNanos());
      // Events after the tick must not count in the first interval.
      awaitTrue(() -> ratesTicked(registry));
      meter.mark(1_000);

      assertThat(meter.getOneMinuteRate()).isEqualTo(2.0);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void closingARegistryCancelsItsHeartbeat() throws Exception {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try {
      Registry registry = Registry.builder().heartbeatScheduler(scheduler).build();
      assertThat(scheduler.getQueue()).hasSize(1);

      registry.close();
      registry.close();

      assertThat(scheduler.getQueue()).isEmpty();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aClosedRegistryCanTickAgainOnAnotherScheduler() throws Exception {
    ScheduledThreadPoolExecutor first = new ScheduledThreadPoolExecutor(1);
    ScheduledThreadPoolExecutor second = new ScheduledThreadPoolExecutor(1);
    first.setRemoveOnCancelPolicy(true);
    second.setRemoveOnCancelPolicy(true);
    try {
      Registry registry = Registry.builder().heartbeatScheduler(first).build();
      registry.close();

      registry.startHeartbeat(second);
      registry.startHeartbeat(second);

      assertThat(first.getQueue()).isEmpty();
      assertThat(second.getQueue()).as("restarting replaces, never doubles").hasSize(1);
    } finally {
      first.shutdownNow();
      second.shutdownNow();
    }
  }

  @Test
  void aForgottenRegistryStopsItsOwnHeartbeat() throws Exception {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try {
      Registry.builder().heartbeatScheduler(scheduler).build().timer("t");
      assertThat(scheduler.getQueue()).hasSize(1);

      awaitTrue(() -> {
        System.gc();
        return scheduler.getQueue().isEmpty();
      });
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** The meter ticked once the heartbeat read the clock past the first interval. */
  private static boolean ratesTicked(Registry registry) {
    Meter probe = (Meter) registry.getMetrics().get("m");
    return probe != null && peekOneMinute(probe) > 0;
  }

  /** Reads the rate without ticking, so the check itself does not do the heartbeat's work. */
  private static double peekOneMinute(Meter meter) {
    MeterSnapshot snapshot = meter.snapshot(Long.MIN_VALUE / 2);
    return snapshot.rates().oneMinuteRate();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + DEADLINE);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
