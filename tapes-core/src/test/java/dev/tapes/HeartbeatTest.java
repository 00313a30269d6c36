package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Registries on the system clock tick in the background, and stop when closed or dropped; on any
 * other clock they need no heartbeat.
 */
class HeartbeatTest {

  @Test
  void aRegistryOnItsOwnClockNeedsNoHeartbeatAndCatchesUpWhenWritten() {
    AtomicLong nanos = new AtomicLong();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      Registry registry = Registry.builder().clock(nanos::get).heartbeatScheduler(scheduler)
          .build();
      assertThat(scheduler.getQueue()).as("no heartbeat on a clock of its own").isEmpty();
      Meter meter = registry.meter("m");
      meter.mark(10);
      nanos.addAndGet(Duration.ofSeconds(6).toNanos());
      // The mark after the clock moved ticks first: it does not count in the first interval.
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
  void aForgottenRegistryStopsItsOwnHeartbeat() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try {
      // The heartbeat holds its registry weakly; clearing the reference is what the collector
      // does to a forgotten registry, done here at once instead of hoping a GC runs.
      WeakReference<Registry> forgotten = new WeakReference<>(new Registry(new ManualClock()));
      ScheduledFuture<?> beat = Heartbeat.start(forgotten, scheduler);
      assertThat(scheduler.getQueue()).hasSize(1);
      forgotten.clear();

      ((Runnable) scheduler.getQueue().peek()).run();

      assertThat(beat.isCancelled()).isTrue();
      assertThat(scheduler.getQueue()).isEmpty();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
