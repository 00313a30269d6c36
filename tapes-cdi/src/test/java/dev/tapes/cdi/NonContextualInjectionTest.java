package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Timer;
import dev.tapes.cdi.example.WidgetResource;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Instances the container injects but did not create as beans, as JAX-RS creates resources
 * that discovery did not make beans: CDI then names only the class that declared the field.
 */
class NonContextualInjectionTest {

  /** A base whose metric has a fixed name: any subclass may share it. */
  public abstract static class FixedBase {
    @Inject @Metric("shop.checkout.latency") Timer latency;
  }

  public static class FixedChild extends FixedBase {}

  @Test
  void aSubclassOfAnAbstractTemplatedBaseIsRefusedRatherThanMergedWithItsSiblings() {
    try (SeContainer container = Containers.start(Object.class)) {
      assertThatThrownBy(() -> injectNonContextually(container, new WidgetResource()))
          .hasStackTraceContaining("bean dev.tapes.cdi.example.BaseResource, field latency,"
              + " @MeteredClass(\"my.http.endpoints.{}\"): the name depends on the concrete"
              + " class")
          .hasStackTraceContaining("Give each concrete subclass a bean-defining annotation such"
              + " as @RequestScoped");
    }
  }

  @Test
  void aFixedNameNeedsNoConcreteClass() {
    try (SeContainer container = Containers.start(Object.class)) {
      FixedChild child = injectNonContextually(container, new FixedChild());

      assertThat(child.latency.getName()).isEqualTo("shop.checkout.latency");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T injectNonContextually(SeContainer container, T instance) {
    BeanManager manager = container.getBeanManager();
    Class<T> type = (Class<T>) instance.getClass();
    InjectionTarget<T> target = manager.getInjectionTargetFactory(
        manager.createAnnotatedType(type)).createInjectionTarget(null);
    target.inject(instance, manager.createCreationalContext(null));
    return instance;
  }
}
