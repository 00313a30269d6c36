package dev.tapes;

import java.util.concurrent.atomic.LongAdder;

/**
 * A count that goes up and down: jobs in a queue, open connections.
 *
 * <pre>{@code
 * Counter inFlight = registry.counter("http.in_flight");
 * inFlight.increment();
 * try { handle(request); } finally { inFlight.decrement(); }
 * }</pre>
 */
public final class Counter extends Instrument implements Metric {

  /** LongAdder, not AtomicLong: increments vastly outnumber reads and must not contend. */
  private final LongAdder count = new LongAdder();

  Counter(String name) {
    super(name);
  }

  public void increment() {
    count.increment();
  }

  public void increment(long n) {
    count.add(n);
  }

  public void decrement() {
    count.decrement();
  }

  public void decrement(long n) {
    count.add(-n);
  }

  public long getCount() {
    return count.sum();
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  CounterSnapshot snapshot(long nowNanos) {
    return new CounterSnapshot(name, count.sum());
  }

  @Override
  public String toString() {
    return "Counter[" + name + "=" + getCount() + "]";
  }
}
