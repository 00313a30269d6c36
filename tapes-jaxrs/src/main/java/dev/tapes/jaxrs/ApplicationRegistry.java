package dev.tapes.jaxrs;

import dev.tapes.Registry;
import dev.tapes.Tapes;
import java.lang.System.Logger.Level;

/**
 * Finds the registry of the application: the CDI bean of type {@link Registry} when CDI runs and
 * has one (tapes-cdi adds it; an application may produce its own), else the global {@link
 * Tapes#registry()}.
 *
 * <p>Looked up through {@code CDI.current()}, which every CDI container supports and which works
 * in providers the JAX-RS runtime instantiates itself; guarded by a class-presence check so that
 * plain JAX-RS without the CDI API works.
 */
final class ApplicationRegistry {

  private static final System.Logger LOG = System.getLogger(ApplicationRegistry.class.getName());

  private ApplicationRegistry() {}

  static Registry find() {
    ClassLoader loader = ApplicationRegistry.class.getClassLoader();
    try {
      Class.forName("jakarta.enterprise.inject.spi.CDI", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Tapes.registry();
    }
    Registry bean = CdiLookup.registry();
    return bean != null ? bean : Tapes.registry();
  }

  /** Holds the only references to the CDI API, loaded only when it is present. */
  private static final class CdiLookup {

    static Registry registry() {
      jakarta.enterprise.inject.spi.CDI<Object> cdi;
      try {
        cdi = jakarta.enterprise.inject.spi.CDI.current();
      } catch (IllegalStateException e) {
        return null; // the API without a running container: plain JAX-RS
      }
      jakarta.enterprise.inject.Instance<Registry> registries = cdi.select(Registry.class);
      if (registries.isResolvable()) {
        return registries.get();
      }
      if (registries.isAmbiguous()) {
        LOG.log(Level.WARNING, "several CDI beans of type " + Registry.class.getName()
            + " are eligible; timing JAX-RS resources on the global registry instead");
      }
      return null;
    }
  }
}
