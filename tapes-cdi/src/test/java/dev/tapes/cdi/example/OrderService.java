package dev.tapes.cdi.example;

import dev.tapes.Counter;
import dev.tapes.Histogram;
import dev.tapes.ManualClock;
import dev.tapes.Meter;
import dev.tapes.Registry;
import dev.tapes.Timer;
import dev.tapes.cdi.Counted;
import dev.tapes.cdi.Metered;
import dev.tapes.cdi.Metric;
import dev.tapes.cdi.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A bean outside any metered class: default names are {@code OrderService.<member>}. */
@ApplicationScoped
public class OrderService {

  @Inject Timer t;
  @Inject @Metric("orders.{}.rejected") Meter rejected;
  @Inject @Metric("orders.queue") Counter queued;
  @Inject Histogram sizes;
  @Inject Registry registry;
  @Inject ManualClock clock;
  Meter initialized;

  @Inject
  void init(@Metric("orders.initialized") Meter initialized) {
    this.initialized = initialized;
  }

  /** Takes {@code millis} of (manual) time. */
  @Timed
  public String place(long millis) {
    clock.advance(Duration.ofMillis(millis));
    return "placed";
  }

  /** Completes when {@code shipment} does: timed until then. */
  @Timed("orders.{}.{method}.async")
  public CompletionStage<String> ship(CompletableFuture<String> shipment) {
    return shipment;
  }

  /** Fails after {@code millis}: timed, metered and counted all the same. */
  @Timed("orders.cancel.latency")
  @Metered("orders.cancel.rate")
  @Counted("orders.cancel.calls")
  public void cancel(long millis) {
    clock.advance(Duration.ofMillis(millis));
    throw new IllegalStateException("already shipped");
  }

  public Timer t() {
    return t;
  }

  public Meter rejected() {
    return rejected;
  }

  public Counter queued() {
    return queued;
  }

  public Histogram sizes() {
    return sizes;
  }

  public Registry registry() {
    return registry;
  }

  public Meter initialized() {
    return initialized;
  }
}
