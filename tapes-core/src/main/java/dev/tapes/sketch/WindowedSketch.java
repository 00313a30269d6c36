package dev.tapes.sketch;

/**
 * The default quantile store: the buckets of a recent window, so that percentiles never go
 * stale, beside the buckets of the metric's whole life, which Prometheus and OTLP read.
 *
 * <p>The window is {@value #SLOTS} slots of a quarter of it each: one live {@link SketchSlot}
 * that writers record into with no lock, and the three before it, frozen. When the live slot's
 * time is up, {@link #rotate} drains it (each counter moves out by an atomic exchange, so a value
 * counted meanwhile lands in this slot or the next, never in neither) into an immutable
 * {@link PackedBuckets}, which becomes the newest frozen slot and is added once to the lifetime
 * buckets; the oldest frozen slot leaves the window. The window therefore holds between 3/4 of
 * the window and the whole window of the most recent data, and the lifetime buckets hold every
 * value ever recorded, each exactly once.
 *
 * <p>Why this shape: a frozen slot never changes, so it is packed (about two bytes a bucket
 * instead of a live page's two bytes per possible bucket) and a read merges one live slot with
 * immutable arrays instead of walking four sets of live counters. Writers never see rotation:
 * the live slot stays the same object, its pages stay allocated, the write path reads no clock.
 *
 * <p>Time moves only in {@link #rotate}, called by the owning metric's heartbeat (or, on a clock
 * no heartbeat watches, by {@link #rotateIfDue} on the write path), under this object's lock.
 */
public final class WindowedSketch {

  /** Slots per window: the live one and three frozen. */
  public static final int SLOTS = 4;

  private final ExponentialLayout layout;
  private final SketchSlot live = new SketchSlot();
  private final long slotNanos;
  /** Frozen slots, newest first. Guarded by {@code this}; the arrays they hold are immutable. */
  private final PackedBuckets[] frozen = new PackedBuckets[SLOTS - 1];
  /** Every slot ever frozen, added up. Guarded by {@code this}. */
  private PackedBuckets lifetime = PackedBuckets.EMPTY;
  private long currentStart;
  /** When the live slot's time is up; volatile for {@link #rotateIfDue}'s unlocked look. */
  private volatile long nextRotationNanos;

  /**
   * A window of {@code windowNanos} (at least {@value #SLOTS} ns) starting at {@code nowNanos},
   * bucketing values as {@code layout} does.
   */
  public WindowedSketch(ExponentialLayout layout, long windowNanos, long nowNanos) {
    if (windowNanos < SLOTS) {
      throw new IllegalArgumentException("window too short: " + windowNanos + " ns");
    }
    this.layout = layout;
    this.slotNanos = windowNanos / SLOTS;
    this.currentStart = nowNanos;
    this.nextRotationNanos = nowNanos + slotNanos;
    java.util.Arrays.fill(frozen, PackedBuckets.EMPTY);
  }

  /** The layout values are bucketed by. */
  public ExponentialLayout layout() {
    return layout;
  }

  /** Counts {@code value} in the live slot: no lock, no clock, no allocation. */
  public void record(long value) {
    live.record(layout.position(value), value);
  }

  /** Moves the window to {@code nowNanos}: freezes the live slot once its time is up. */
  public synchronized void rotate(long nowNanos) {
    long elapsed = nowNanos - currentStart;
    if (elapsed < slotNanos) {
      return;
    }
    long steps = elapsed / slotNanos;
    BucketCounts finished = live.drain();
    PackedBuckets packed = PackedBuckets.of(finished);
    if (packed.size() > 0) {
      lifetime = lifetime.plus(finished);
    }
    // The slot just finished, then one empty slot per further step that passed without a tick.
    int shift = (int) Math.min(steps, SLOTS - 1);
    System.arraycopy(frozen, 0, frozen, shift, frozen.length - shift);
    java.util.Arrays.fill(frozen, 0, shift, PackedBuckets.EMPTY);
    if (steps < SLOTS) {
      frozen[shift - 1] = packed;
    }
    currentStart += steps * slotNanos;
    nextRotationNanos = currentStart + slotNanos;
  }

  /**
   * Rotates if the live slot's time is up at {@code nowNanos}: a comparison, without the lock,
   * when it is not. For writers on a clock that no heartbeat watches.
   */
  public void rotateIfDue(long nowNanos) {
    if (nowNanos - nextRotationNanos >= 0) {
      rotate(nowNanos);
    }
  }

  /**
   * What the sketch holds as of {@code nowNanos}: the live slot as read now, with the frozen
   * slots and the lifetime buckets, immutable, to merge when asked.
   */
  public synchronized Reading read(long nowNanos) {
    rotate(nowNanos);
    return new Reading(live.read(), frozen.clone(), lifetime);
  }

  /** Bytes of packed buckets held (frozen slots and lifetime), for memory accounting. */
  synchronized int packedBytes() {
    int bytes = lifetime.bytes();
    for (PackedBuckets slot : frozen) {
      bytes += slot.bytes();
    }
    return bytes;
  }

  /**
   * One read of a sketch: immutable parts, merged on demand. The live slot's counts belong to it
   * alone; the packed parts are shared and never change.
   */
  public static final class Reading {

    private final BucketCounts live;
    private final PackedBuckets[] frozen;
    private final PackedBuckets lifetime;

    Reading(BucketCounts live, PackedBuckets[] frozen, PackedBuckets lifetime) {
      this.live = live;
      this.frozen = frozen;
      this.lifetime = lifetime;
    }

    /** The window: the live slot and the frozen ones, merged into fresh arrays. */
    public BucketCounts window() {
      return PackedBuckets.merge(live, frozen);
    }

    /** Every value ever recorded: the lifetime buckets and the live slot, in fresh arrays. */
    public BucketCounts lifetime() {
      return PackedBuckets.merge(live, lifetime);
    }
  }
}
