package dev.tapes;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The global registry and shortcuts to it, as the seed's module-level functions.
 *
 * <pre>{@code
 * Timer timer = Tapes.timer("my.timer");
 * try (Timer.Context context = timer.time()) {
 *   return "stuff";
 * }
 * }</pre>
 */
public final class Tapes {

  private static final Registry REGISTRY = new Registry();

  private Tapes() {}

  /** The global registry: system clock, default window and bound. */
  public static Registry registry() {
    return REGISTRY;
  }

  public static Timer timer(String name) {
    return REGISTRY.timer(name);
  }

  public static Meter meter(String name) {
    return REGISTRY.meter(name);
  }

  public static Counter counter(String name) {
    return REGISTRY.counter(name);
  }

  public static Histogram histogram(String name) {
    return REGISTRY.histogram(name);
  }

  public static <T extends Number> Gauge<T> gauge(String name, Supplier<T> producer) {
    return REGISTRY.gauge(name, producer);
  }

  public static Map<String, Object> getStats() {
    return REGISTRY.getStats();
  }
}
