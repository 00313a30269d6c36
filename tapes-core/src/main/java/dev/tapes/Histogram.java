package dev.tapes;

import java.util.concurrent.atomic.LongAdder;

/**
 * The distribution of values: a lifetime count and sum, and quantiles over a recent window.
 *
 * <pre>{@code
 * Histogram sizes = registry.histogram("uploads.bytes");
 * sizes.update(file.length());
 * sizes.getSnapshot().getQuantile(0.99);
 * }</pre>
 *
 * <p>With the default {@link Reservoir#slidingWindow()}, {@link #update} takes no lock and
 * allocates nothing, and every quantile is within 0.78 % of the exact quantile of the values
 * of the last window.
 */
public final class Histogram extends Instrument implements Metric {

  private final Clock clock;
  /**
   * Keeps the registry, hence its heartbeat, alive while this metric is in use: an application
   * may hold only its metrics, and they must go on ticking.
   */
  private final Registry owner;
  /** Whether recording reads the clock: on every clock but the system's, which ticks itself. */
  private final boolean clockChecked;
  private final LongAdder count = new LongAdder();
  /** Wraps on overflow past 2^63 in total, as a Prometheus client's integer sum would. */
  private final LongAdder sum = new LongAdder();
  private final ValueStore store;

  Histogram(String name, Registry owner, ValueStore store) {
    super(name);
    this.owner = owner;
    this.clock = owner.getClock();
    this.clockChecked = owner.isClockChecked();
    this.store = store;
  }

  public void update(long value) {
    if (clockChecked) {
      store.tickIfDue(clock.nanoTime());
    }
    count.increment();
    sum.add(value);
    store.record(value);
  }

  /** How many values were ever recorded (not only in the window). */
  public long getCount() {
    return count.sum();
  }

  /** The values of the current window. */
  public Snapshot getSnapshot() {
    return store.snapshot(clock.nanoTime());
  }

  /** The reservoir this histogram keeps its values in. */
  public Reservoir getReservoir() {
    return store.reservoir();
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  void tick(long nowNanos) {
    store.tick(nowNanos);
  }

  @Override
  HistogramSnapshot snapshot(long nowNanos) {
    // The buckets first: a value counted in them is then also in count and sum.
    ValueStore.Views views = store.views(nowNanos);
    return new HistogramSnapshot(name, count.sum(), sum.sum(), views.window(),
        views.lifetime());
  }

  @Override
  public String toString() {
    return "Histogram[" + name + ", count=" + getCount() + "]";
  }
}
