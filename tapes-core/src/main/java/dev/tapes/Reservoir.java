package dev.tapes;

import java.time.Duration;
import java.util.Objects;

/**
 * How a histogram or timer keeps the values its quantiles come from.
 *
 * <ul>
 *   <li>{@link #slidingWindow()} (the default): a sketch of every value of the last window
 *       (the registry's, 60 s unless configured), every quantile within 0.78 % of the exact
 *       one, mergeable across processes, recorded without locks or allocation.
 *   <li>{@link #exponentiallyDecaying()}: the seed's (and Dropwizard's) forward-decaying
 *       random sample of 1,028 values, for users who want that exact behaviour. It samples, so
 *       rare quantiles are imprecise and values go stale when traffic stops; recording takes a
 *       short lock and reads the clock.
 * </ul>
 *
 * <pre>{@code
 * Timer timer = registry.timer("legacy.latency", Reservoir.exponentiallyDecaying());
 * }</pre>
 */
public sealed interface Reservoir permits Reservoir.SlidingWindow, Reservoir.ExponentiallyDecaying {

  /** The sketch over the registry's window. */
  static Reservoir slidingWindow() {
    return SlidingWindow.REGISTRY_DEFAULT;
  }

  /** The sketch over a window of its own, at least a second long. */
  static Reservoir slidingWindow(Duration window) {
    return new SlidingWindow(Objects.requireNonNull(window, "window"));
  }

  /** The seed's reservoir: 1,028 samples, decay factor 0.015 per second. */
  static Reservoir exponentiallyDecaying() {
    return new ExponentiallyDecaying(1028, 0.015);
  }

  /** The seed's reservoir with its own sample size and decay factor (per second). */
  static Reservoir exponentiallyDecaying(int size, double alpha) {
    return new ExponentiallyDecaying(size, alpha);
  }

  /**
   * The windowed sketch. A null window means the registry's.
   *
   * @param window the window's length, at least one second, or null for the registry's
   */
  record SlidingWindow(Duration window) implements Reservoir {

    static final SlidingWindow REGISTRY_DEFAULT = new SlidingWindow(null);

    public SlidingWindow {
      if (window != null && window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("a window must be at least 1s, was " + window);
      }
    }

    SlidingWindow resolve(Duration registryWindow) {
      return window == null ? new SlidingWindow(registryWindow) : this;
    }
  }

  /**
   * The seed's exponentially decaying sample.
   *
   * @param size how many samples it keeps, at least 1
   * @param alpha the decay factor per second, positive; larger forgets faster
   */
  record ExponentiallyDecaying(int size, double alpha) implements Reservoir {

    public ExponentiallyDecaying {
      if (size < 1) {
        throw new IllegalArgumentException("a reservoir needs at least 1 sample, was " + size);
      }
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("alpha must be positive and finite, was " + alpha);
      }
    }
  }
}
