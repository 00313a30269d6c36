package dev.tapes.cdi;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import org.jboss.weld.environment.se.Weld;

/**
 * Plain Weld SE containers with exactly the given beans and one of our two extensions: the
 * portable one by default, the build compatible one (through Weld's translator of CDI Lite
 * extensions) when the system property {@value #EXTENSION} is {@value #BUILD_COMPATIBLE}. The
 * surefire execution {@code build-compatible-extension} runs the behaviour tests that way, so
 * both extensions pass the same tests.
 */
final class Containers {

  static final String EXTENSION = "tapes.test.extension";
  static final String BUILD_COMPATIBLE = "build-compatible";

  private Containers() {}

  /** Whether this JVM's tests run the build compatible extension. */
  static boolean buildCompatible() {
    return BUILD_COMPATIBLE.equals(System.getProperty(EXTENSION));
  }

  /**
   * Weld SE with discovery disabled loads no portable extension from {@code META-INF/services},
   * so the one under test is added by hand here; the Arquillian tests check the service file.
   */
  @SuppressWarnings("unchecked") // Weld's varargs of Class<? extends ...>
  static SeContainerInitializer with(Class<?>... beans) {
    Weld weld = new Weld().disableDiscovery();
    if (buildCompatible()) {
      weld.addBuildCompatibleExtensions(WeldTranslatedExtension.class);
    } else {
      weld.addExtension(new TapesExtension());
    }
    return weld.addBeanClasses(beans);
  }

  static SeContainer start(Class<?>... beans) {
    return with(beans).initialize();
  }
}
