package dev.tapes.cdi;

import dev.tapes.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;

/**
 * Starts and stops what an application needs under the build compatible extension, which has no
 * container lifecycle events of its own: the portable extension observes the same moments
 * itself. Added to the application by {@link TapesBuildCompatibleExtension}, and never a bean
 * where the portable extension runs ({@link TapesExtension} drops scanned copies).
 *
 * <p>CDI 4's {@link Startup} and {@link Shutdown}, not {@code @Initialized(ApplicationScoped)}:
 * ArC fires that one when its container is initialised, which Quarkus does in the application's
 * static initialisation (at build time for a native image), before run-time configuration.
 */
final class ApplicationLifecycle {

  ApplicationLifecycle() {}

  /**
   * Creates the planned metrics (a refused name stops the start) and starts the reporters.
   *
   * @param registry unused: an injection point that keeps the {@code Registry} bean, which
   *     tapes-jaxrs looks up through {@code CDI.current()}, from being removed as unused by
   *     containers that remove beans nothing injects (ArC)
   */
  static void started(@Observes Startup event, TapesRuntime runtime, Registry registry) {
    runtime.start();
  }

  /** Stops the reporters after a last report, while the application's beans still exist. */
  static void stopping(@Observes Shutdown event, TapesRuntime runtime) {
    runtime.stopReporting();
  }

  /** Leaves nothing running: the global registry's ticking, a distributed proxy. */
  static void stopped(@Observes @Destroyed(ApplicationScoped.class) Object event,
      TapesRuntime runtime) {
    runtime.stopReporting();
    runtime.release();
  }
}
