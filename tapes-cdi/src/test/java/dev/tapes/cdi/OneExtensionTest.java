package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.cdi.example.FastWorker;
import dev.tapes.cdi.example.JobRunner;
import dev.tapes.cdi.example.WidgetResource;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.se.SeContainer;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/**
 * Where a container could run both extensions (Weld: WildFly, Payara), exactly one does: the
 * portable one. Were the build compatible one to run as well, it would add a second runtime and
 * registry bean (ambiguous) and a second copy of each interceptor (every call counted twice).
 */
class OneExtensionTest {

  @Test
  void theBuildCompatibleExtensionStepsAsideForThePortableOne() {
    assertThat(TapesBuildCompatibleExtension.class.getAnnotation(
        SkipIfPortableExtensionPresent.class).value()).isEqualTo(TapesExtension.class);
  }

  @Test
  @SuppressWarnings("unchecked") // Weld's varargs of Class<? extends ...>
  void withBothExtensionsRegisteredEveryCallCountsOnce() {
    try (SeContainer container = new Weld().disableDiscovery()
        .addExtension(new TapesExtension())
        .addBuildCompatibleExtensions(TapesBuildCompatibleExtension.class)
        .addBeanClasses(FastWorker.class, JobRunner.class, WidgetResource.class).initialize()) {
      assertThat(container.select(TapesRuntime.class).isResolvable()).isTrue();
      Registry registry = container.select(Registry.class).get();
      long before = registry.counter("workers.FastWorker.work").getCount();
      long runs = registry.meter("jobs.JobRunner.run").getCount();

      container.select(FastWorker.class).get().work();
      container.select(JobRunner.class).get().run();

      assertThat(registry.counter("workers.FastWorker.work").getCount()).isEqualTo(before + 1);
      assertThat(registry.meter("jobs.JobRunner.run").getCount()).isEqualTo(runs + 1);
      assertThat(container.select(WidgetResource.class).get().latency().getName())
          .isEqualTo("my.http.endpoints.WidgetResource.latency");
    }
  }

  /**
   * The control: the build compatible extension's logic, run next to the portable one where Weld
   * does run it, does double up. The test above would catch an extension that failed to step
   * aside.
   */
  @Test
  @SuppressWarnings("unchecked") // Weld's varargs of Class<? extends ...>
  void bothExtensionsRunningWouldNotGoUnnoticed() {
    Weld weld = new Weld().disableDiscovery().addExtension(new TapesExtension())
        .addBuildCompatibleExtensions(WeldTranslatedExtension.class)
        .addBeanClasses(FastWorker.class);
    Throwable failure = null;
    try (SeContainer container = weld.initialize()) {
      container.select(FastWorker.class).get().work();
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(failure).isNotNull().hasMessageContaining("Ambiguous");
  }
}
