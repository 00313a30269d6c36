package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.Tapes;
import java.util.function.Supplier;

/**
 * Decides which registry an application's metrics live in. Every injected metric, every
 * interceptor and every reporter uses the registry chosen here, and {@code @Inject Registry}
 * gives it: this is the one place where distributed mode will plug in.
 *
 * <p>The rules, in order: the application's own {@code @Default Registry} bean if it has one;
 * else the global {@link Tapes#registry()}.
 */
final class RegistrySelection {

  private RegistrySelection() {}

  /**
   * The registry for an application configured by {@code config}.
   *
   * @param applicationRegistry the application's own registry bean, null if it has none
   * @throws IllegalArgumentException if the configuration asks for a registry we cannot build
   */
  static Supplier<Registry> select(TapesConfig config, Supplier<Registry> applicationRegistry) {
    if (config.distributedEndpoint() != null) {
      // The hook of distributed mode (tapes-distributed): until it is wired here, refuse rather
      // than report locally while the user expects the cluster's aggregator to have the data.
      throw new IllegalArgumentException(TapesConfig.DISTRIBUTED_ENDPOINT + "="
          + config.distributedEndpoint() + ": distributed mode is not available to the CDI"
          + " integration yet; remove the key to report from this process");
    }
    return applicationRegistry != null ? applicationRegistry : Tapes::registry;
  }

  /** Whether {@code registry} is the process-wide one, which outlives no application. */
  static boolean isGlobal(Registry registry) {
    return registry == Tapes.registry();
  }
}
