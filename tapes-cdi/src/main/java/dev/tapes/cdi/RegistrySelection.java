package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.Tapes;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Decides which registry an application's metrics live in. Every injected metric, every
 * interceptor and every reporter uses the registry chosen here, and {@code @Inject Registry}
 * gives it.
 *
 * <p>The rules, in order: a distributed proxy when {@code tapes.distributed.endpoint} is set
 * (tapes-distributed must then be in the application); the application's own
 * {@code @Default Registry} bean if it has one; else the global {@link Tapes#registry()}.
 */
final class RegistrySelection {

  private static final String DISTRIBUTED_REGISTRY = "dev.tapes.distributed.DistributedRegistry";

  private RegistrySelection() {}

  /** The chosen registry and what the application's start and stop mean for it. */
  interface Selected {

    /** The registry; resolved lazily, since an application bean exists only after discovery. */
    Registry registry();

    /** The application has started; {@code managed} is the container's executor, or null. */
    default void started(ScheduledExecutorService managed) {}

    /** The application is stopping: nothing of ours may keep running past this. */
    default void stopped() {}
  }

  /**
   * The registry for an application configured by {@code config}.
   *
   * @param applicationRegistry the application's own registry bean, null if it has none
   * @param loader the application's class loader, to look for tapes-distributed
   * @throws IllegalArgumentException if the configuration asks for a registry we cannot build
   */
  static Selected select(TapesConfig config, Supplier<Registry> applicationRegistry,
      ClassLoader loader) {
    if (config.distributed() != null) {
      return distributed(config.distributed(), applicationRegistry, loader);
    }
    if (applicationRegistry != null) {
      return applicationRegistry::get;
    }
    return new Selected() {
      @Override
      public Registry registry() {
        return Tapes.registry();
      }

      @Override
      public void started(ScheduledExecutorService managed) {
        // Another application may have closed it earlier in this JVM; it ticks on our
        // container's executor while we run.
        Tapes.registry().startHeartbeat(managed);
      }

      @Override
      public void stopped() {
        // Its heartbeat would otherwise keep a thread, and our class loader, alive.
        Tapes.registry().close();
      }
    };
  }

  private static Selected distributed(TapesConfig.Distribution distribution,
      Supplier<Registry> applicationRegistry, ClassLoader loader) {
    if (applicationRegistry != null) {
      throw new IllegalArgumentException(TapesConfig.DISTRIBUTED_ENDPOINT + "="
          + distribution.endpoint() + ": the application also produces its own Registry bean;"
          + " remove the key, or produce a DistributedRegistry yourself");
    }
    try {
      Class.forName(DISTRIBUTED_REGISTRY, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(TapesConfig.DISTRIBUTED_ENDPOINT + "="
          + distribution.endpoint() + ": distributed mode needs the tapes-distributed JAR (and"
          + " JeroMQ, which it brings) in the application", e);
    }
    return DistributedSelection.create(distribution);
  }
}
