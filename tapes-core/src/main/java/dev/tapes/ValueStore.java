package dev.tapes;

import dev.tapes.sketch.ExponentialLayout;

/**
 * Where a histogram or timer keeps the values its quantiles come from: the windowed sketch by
 * default, the seed's exponentially decaying reservoir on request.
 */
sealed interface ValueStore permits WindowedStore, ExponentiallyDecayingReservoir {

  /** Hot path: no lock and no allocation for the default store. */
  void record(long value);

  /** Catches up with {@code nowNanos}. */
  void tick(long nowNanos);

  /**
   * Catches up with {@code nowNanos} if time has moved past what the store covers: called on the
   * write path of a registry whose clock no heartbeat watches, so it must cost a comparison when
   * nothing is due.
   */
  void tickIfDue(long nowNanos);

  /** The values of the window as of {@code nowNanos}. */
  Snapshot snapshot(long nowNanos);

  /**
   * The window and, where the store keeps them, the lifetime buckets, read at one moment.
   *
   * @param lifetime every value ever recorded; null for a store that keeps no buckets (a
   *     sampling reservoir)
   */
  record Views(Snapshot window, SketchSnapshot lifetime) {}

  /** The window and lifetime as of {@code nowNanos}. */
  Views views(long nowNanos);

  /** The reservoir this store implements, with every setting resolved. */
  Reservoir reservoir();

  /**
   * Builds the store a reservoir describes, for values exported in units of {@code layout}
   * (a histogram's own; a timer's nanoseconds as seconds).
   */
  static ValueStore create(Reservoir reservoir, ExponentialLayout layout, Clock clock,
      long nowNanos) {
    if (reservoir instanceof Reservoir.SlidingWindow window) {
      return new WindowedStore(window, layout, nowNanos);
    }
    Reservoir.ExponentiallyDecaying decaying = (Reservoir.ExponentiallyDecaying) reservoir;
    return new ExponentiallyDecayingReservoir(decaying, clock);
  }
}
