package dev.tapes;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Clock} that moves only when told to, for deterministic tests of rates and windows.
 *
 * <p>Registries built on a manual clock do their periodic work (meter ticks, window rotation)
 * synchronously inside {@link #advance(Duration)}, exactly when time passes, instead of on a
 * background thread. A test therefore sees the same numbers on every run:
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * Meter meter = new Registry(clock).meter("jobs");
 * meter.mark(3);
 * clock.advance(Duration.ofSeconds(65));
 * meter.getOneMinuteRate(); // 0.6 * e^-1 = 0.22072766...
 * }</pre>
 *
 * <p>Thread-safe; time never goes backwards.
 */
public final class ManualClock implements Clock {

  private final Object lock = new Object();
  private final List<WeakReference<Registry>> registries = new ArrayList<>();
  private volatile long nanos;

  /** A clock starting at an arbitrary non-zero time, to catch code that assumes zero. */
  public ManualClock() {
    this(1_000_000_000L);
  }

  /** A clock starting at {@code startNanos}. */
  public ManualClock(long startNanos) {
    this.nanos = startNanos;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  /** Moves time forward by {@code duration}, then lets every registry on this clock catch up. */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    advanceNanos(duration.toNanos());
  }

  /** Moves time forward by {@code deltaNanos}, then lets every registry on this clock catch up. */
  public void advanceNanos(long deltaNanos) {
    if (deltaNanos < 0) {
      throw new IllegalArgumentException("a clock cannot go backwards: " + deltaNanos + " ns");
    }
    List<Registry> live;
    synchronized (lock) {
      nanos += deltaNanos;
      live = liveRegistries();
    }
    long now = nanos;
    for (Registry registry : live) {
      registry.tick(now);
    }
  }

  void register(Registry registry) {
    synchronized (lock) {
      registries.add(new WeakReference<>(registry));
    }
  }

  private List<Registry> liveRegistries() {
    List<Registry> live = new ArrayList<>(registries.size());
    registries.removeIf(ref -> {
      Registry registry = ref.get();
      if (registry == null) {
        return true;
      }
      live.add(registry);
      return false;
    });
    return live;
  }
}
