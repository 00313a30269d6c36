package dev.tapes.jaxrs;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The application's own beans: a registry on a manual clock (so durations are exact), which
 * tapes-cdi and tapes-jaxrs must both use, and an executor for the asynchronous endpoints.
 */
@ApplicationScoped
public class ShopApplication {

  @Produces @Singleton private final ManualClock clock = new ManualClock();

  @Produces
  @Singleton
  Registry registry(ManualClock clock) {
    return new Registry(clock);
  }

  @Produces
  @Singleton
  ExecutorService executor() {
    return Executors.newSingleThreadExecutor();
  }

  void stop(@Disposes ExecutorService executor) {
    executor.shutdownNow();
  }
}
