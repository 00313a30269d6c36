package dev.tapes;

import java.lang.System.Logger.Level;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ticks registries on the system clock about once a second, so that events are attributed to the
 * five-second interval and window slot they happened in although recording never reads the clock.
 *
 * <p>Registries share one daemon thread, {@value #THREAD_NAME}, unless they bring a scheduler
 * of their own (a container's managed executor). The task holds its registry weakly, so a
 * forgotten registry is collected; once no registry is left the thread ends by itself after
 * {@link #IDLE_KEEP_ALIVE}, which is what lets an application server undeploy us cleanly.
 */
final class Heartbeat {

  static final String THREAD_NAME = "tapes-heartbeat";
  static final Duration PERIOD = Duration.ofSeconds(1);
  static final Duration IDLE_KEEP_ALIVE = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
  private static final ScheduledThreadPoolExecutor SHARED = sharedExecutor();

  private Heartbeat() {}

  /** Starts ticking {@code registry} on {@code scheduler}, or on the shared thread if null. */
  static ScheduledFuture<?> start(Registry registry, ScheduledExecutorService scheduler) {
    return start(new WeakReference<>(registry), scheduler);
  }

  /** Starts ticking the registry {@code registry} refers to, until it is gone. */
  static ScheduledFuture<?> start(Reference<Registry> registry,
      ScheduledExecutorService scheduler) {
    Beat beat = new Beat(registry);
    ScheduledExecutorService executor = scheduler == null ? SHARED : scheduler;
    long periodNanos = PERIOD.toNanos();
    beat.future = executor.scheduleAtFixedRate(beat, periodNanos, periodNanos,
        TimeUnit.NANOSECONDS);
    return beat.future;
  }

  private static ScheduledThreadPoolExecutor sharedExecutor() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, THREAD_NAME);
      thread.setDaemon(true);
      // The thread outlives the call that started it; it must not pin an application's loader.
      thread.setContextClassLoader(null);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(IDLE_KEEP_ALIVE.toNanos(), TimeUnit.NANOSECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static final class Beat implements Runnable {

    private final Reference<Registry> registry;
    private volatile ScheduledFuture<?> future;
    private boolean failing;

    Beat(Reference<Registry> registry) {
      this.registry = registry;
    }

    @Override
    public void run() {
      Registry target = registry.get();
      if (target == null) {
        ScheduledFuture<?> self = future;
        if (self != null) {
          self.cancel(false);
        }
        return;
      }
      try {
        target.tick(target.getClock().nanoTime());
        failing = false;
      } catch (RuntimeException e) {
        // Logged once per failure streak: a broken clock must not flood the log every second.
        if (!failing) {
          failing = true;
          LOG.log(Level.ERROR, "ticking a metrics registry failed; retrying every second", e);
        }
      }
    }
  }
}
