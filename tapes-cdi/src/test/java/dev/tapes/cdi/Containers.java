package dev.tapes.cdi;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/** Plain Weld SE containers with exactly the given beans and our extension. */
final class Containers {

  private Containers() {}

  /**
   * Weld SE with discovery disabled loads no extension from {@code META-INF/services}, so the
   * extension is added by hand here; the Arquillian tests check the service file.
   */
  static SeContainerInitializer with(Class<?>... beans) {
    return SeContainerInitializer.newInstance().disableDiscovery()
        .addExtensions(new TapesExtension()).addBeanClasses(beans);
  }

  static SeContainer start(Class<?>... beans) {
    return with(beans).initialize();
  }
}
