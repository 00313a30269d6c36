package dev.tapes.cdi.example;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * An application that brings its own registry, here on a manual clock so that tests read exact
 * durations. The integration then uses it for every injected metric and interceptor.
 */
public class ClockedRegistry {

  @Produces @Singleton private final ManualClock clock = new ManualClock();

  @Produces
  @Singleton
  Registry registry(ManualClock clock) {
    return new Registry(clock);
  }
}
