package dev.tapes;

/** A metric whose state moves with time: rates tick, windows rotate. */
interface Ticking {

  /** Catches up with {@code nowNanos}; never called from a recording thread. */
  void tick(long nowNanos);
}
