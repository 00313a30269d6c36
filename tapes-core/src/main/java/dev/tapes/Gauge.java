package dev.tapes;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * A value read on demand from the application: a queue's size, a pool's free connections.
 *
 * <pre>{@code
 * registry.gauge("jobs.queued", queue::size);
 * }</pre>
 *
 * <p>The producer runs on the thread that reads the gauge (a reporter or scrape). If it throws
 * or returns null, snapshots report {@code NaN}; the first failure is logged, and the next
 * after a recovery.
 */
public final class Gauge<T extends Number> extends Instrument implements Metric {

  private static final System.Logger LOG = System.getLogger(Gauge.class.getName());

  private final Supplier<T> producer;
  private volatile boolean failing;

  Gauge(String name, Supplier<T> producer) {
    super(name);
    this.producer = producer;
  }

  /** The producer's current value; exceptions from the producer propagate. */
  public T getValue() {
    return producer.get();
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  GaugeSnapshot snapshot(long nowNanos) {
    T value;
    try {
      value = producer.get();
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "gauge '" + name + "' failed; reporting NaN until it recovers", e);
      }
      return new GaugeSnapshot(name, Double.NaN);
    }
    failing = false;
    return new GaugeSnapshot(name, value == null ? Double.NaN : value.doubleValue());
  }

  @Override
  public String toString() {
    return "Gauge[" + name + "]";
  }
}
