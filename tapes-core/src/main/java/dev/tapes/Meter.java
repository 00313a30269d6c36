package dev.tapes;

import java.util.concurrent.atomic.LongAdder;

/**
 * The rate of events: a count plus the mean rate and the one-, five- and fifteen-minute
 * exponentially weighted moving averages, in events per second, ticked every five seconds
 * exactly as the seed's meter.
 *
 * <pre>{@code
 * Meter errors = registry.meter("orders.errors");
 * errors.mark();
 * }</pre>
 *
 * <p>{@link #mark} is one {@link LongAdder} add: on the system clock it reads no clock and takes
 * no lock, and the averages tick on the registry's heartbeat and on every read. On any other clock
 * it reads that clock first, to tick when time has moved (see {@link MovingAverages}).
 */
public final class Meter extends Instrument implements Metric {

  private final Clock clock;
  /**
   * Keeps the registry, hence its heartbeat, alive while this metric is in use: an application
   * may hold only its metrics, and they must go on ticking.
   */
  private final Registry owner;
  /** Whether recording reads the clock: on every clock but the system's, which ticks itself. */
  private final boolean clockChecked;
  private final LongAdder count = new LongAdder();
  private final MovingAverages averages;

  Meter(String name, Registry owner) {
    super(name);
    this.owner = owner;
    this.clock = owner.getClock();
    this.clockChecked = owner.isClockChecked();
    this.averages = new MovingAverages(clock.nanoTime());
  }

  public void mark() {
    if (clockChecked) {
      averages.tickIfDue(clock.nanoTime(), count);
    }
    count.increment();
  }

  /**
   * Marks {@code n} events at once.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public void mark(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("meter '" + name + "' cannot mark " + n + " events");
    }
    if (clockChecked) {
      averages.tickIfDue(clock.nanoTime(), count);
    }
    count.add(n);
  }

  public long getCount() {
    return count.sum();
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

  @Override
  public String getName() {
    return name;
  }

  @Override
  void tick(long nowNanos) {
    averages.tick(nowNanos, count.sum());
  }

  @Override
  MeterSnapshot snapshot(long nowNanos) {
    long events = count.sum();
    return new MeterSnapshot(name, events, averages.rates(nowNanos, events));
  }

  private Rates rates() {
    return averages.rates(clock.nanoTime(), count.sum());
  }

  @Override
  public String toString() {
    return "Meter[" + name + ", count=" + getCount() + "]";
  }
}
