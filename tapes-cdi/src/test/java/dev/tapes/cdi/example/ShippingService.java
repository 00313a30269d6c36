package dev.tapes.cdi.example;

import dev.tapes.Counter;
import dev.tapes.Registry;
import dev.tapes.cdi.Metric;
import dev.tapes.cdi.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Timed synchronous and asynchronous methods, on whatever registry the application has. */
@ApplicationScoped
public class ShippingService {

  @Inject @Metric("shipping.{}.in_flight") Counter inFlight;
  @Inject Registry registry;

  @Timed
  public String label(String order) {
    return "label:" + order;
  }

  @Timed("shipping.{}.{method}")
  public CompletionStage<String> ship(CompletableFuture<String> carrier) {
    inFlight.increment();
    return carrier.whenComplete((value, failure) -> inFlight.decrement());
  }

  public Registry registry() {
    return registry;
  }
}
