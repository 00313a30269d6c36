package dev.tapes;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * How long something takes and how often it happens: a histogram of durations (in
 * nanoseconds) plus a meter of calls, as the seed's timer.
 *
 * <pre>{@code
 * Timer latency = registry.timer("orders.place");
 * try (Timer.Context context = latency.time()) {
 *   placeOrder();
 * }
 * // or: latency.record(() -> placeOrder());
 * // or, with a start taken earlier: latency.update(clock.nanoTime() - start);
 * }</pre>
 *
 * <p>{@link #update(long)} takes no lock and allocates nothing, and on the system clock reads no
 * clock (on any other it reads the registry's, to rotate the window when time has moved); {@link #time()}
 * allocates its {@link Context}, so instrumentation on hot paths takes the start itself.
 */
public final class Timer extends Instrument implements Metric {

  private final Clock clock;
  /**
   * Keeps the registry, hence its heartbeat, alive while this metric is in use: an application
   * may hold only its metrics, and they must go on ticking.
   */
  private final Registry owner;
  /** Whether recording reads the clock: on every clock but the system's, which ticks itself. */
  private final boolean clockChecked;
  private final LongAdder count = new LongAdder();
  private final LongAdder sumNanos = new LongAdder();
  private final MovingAverages averages;
  private final ValueStore store;

  Timer(String name, Registry owner, ValueStore store) {
    super(name);
    this.owner = owner;
    this.clock = owner.getClock();
    this.clockChecked = owner.isClockChecked();
    this.store = store;
    this.averages = new MovingAverages(clock.nanoTime());
  }

  /**
   * Records one call of {@code durationNanos}. Negative durations, which a monotonic clock never
   * produces, are ignored rather than corrupting the distribution.
   */
  public void update(long durationNanos) {
    if (durationNanos < 0) {
      return;
    }
    if (clockChecked) {
      long now = clock.nanoTime();
      averages.tickIfDue(now, count);
      store.tickIfDue(now);
    }
    count.increment();
    sumNanos.add(durationNanos);
    store.record(durationNanos);
  }

  /** Records one call of {@code duration} in {@code unit}; negative durations are ignored. */
  public void update(long duration, TimeUnit unit) {
    update(unit.toNanos(duration));
  }

  /** Records one call of {@code duration}; negative durations are ignored. */
  public void update(Duration duration) {
    update(duration.toNanos());
  }

  /** Starts timing a call; closing or stopping the context records it. */
  public Context time() {
    return new Context(clock.nanoTime());
  }

  /** Runs {@code call} and records how long it took, also when it throws. */
  public void record(Runnable call) {
    Objects.requireNonNull(call, "call");
    long start = clock.nanoTime();
    try {
      call.run();
    } finally {
      update(clock.nanoTime() - start);
    }
  }

  /** Runs {@code call}, records how long it took (also when it throws) and returns its result. */
  public <T> T record(Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    long start = clock.nanoTime();
    try {
      return call.get();
    } finally {
      update(clock.nanoTime() - start);
    }
  }

  public long getCount() {
    return count.sum();
  }

  /** The durations of the current window, in nanoseconds. */
  public Snapshot getSnapshot() {
    return store.snapshot(clock.nanoTime());
  }

  public double getMeanRate() {
    return rates().meanRate();
  }

  public double getOneMinuteRate() {
    return rates().oneMinuteRate();
  }

  public double getFiveMinuteRate() {
    return rates().fiveMinuteRate();
  }

  public double getFifteenMinuteRate() {
    return rates().fifteenMinuteRate();
  }

  /** The reservoir this timer keeps its durations in. */
  public Reservoir getReservoir() {
    return store.reservoir();
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  void tick(long nowNanos) {
    averages.tick(nowNanos, count.sum());
    store.tick(nowNanos);
  }

  @Override
  TimerSnapshot snapshot(long nowNanos) {
    // The buckets first: a value counted in them is then also in count and sum.
    ValueStore.Views views = store.views(nowNanos);
    long calls = count.sum();
    return new TimerSnapshot(name, calls, sumNanos.sum(), averages.rates(nowNanos, calls),
        views.window(), views.lifetime());
  }

  private Rates rates() {
    return averages.rates(clock.nanoTime(), count.sum());
  }

  @Override
  public String toString() {
    return "Timer[" + name + ", count=" + getCount() + "]";
  }

  /**
   * One timed call: {@link #close()} or {@link #stop()} records it, once.
   *
   * <pre>{@code
   * try (Timer.Context context = timer.time()) { work(); }
   * }</pre>
   */
  public final class Context implements AutoCloseable {

    private final long startNanos;
    private long elapsedNanos = -1;

    private Context(long startNanos) {
      this.startNanos = startNanos;
    }

    /**
     * Records the call on its first invocation and returns its duration in nanoseconds; later
     * invocations record nothing and return the same duration.
     */
    public long stop() {
      if (elapsedNanos < 0) {
        elapsedNanos = Math.max(0, clock.nanoTime() - startNanos);
        update(elapsedNanos);
      }
      return elapsedNanos;
    }

    /** Same as {@link #stop()}; declared without a checked exception for try-with-resources. */
    @Override
    public void close() {
      stop();
    }
  }
}
