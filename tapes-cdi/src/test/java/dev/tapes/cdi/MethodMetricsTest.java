package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.Timer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodMetricsTest {

  private final Registry registry = new Registry(new ManualClock());
  private final List<String> fallbacks = new ArrayList<>();
  private final MethodMetrics<Timer> timers = new MethodMetrics<>((target, method) -> {
    fallbacks.add(target.getSimpleName() + "." + method.getName());
    return registry.timer("fallback." + target.getSimpleName() + "." + method.getName());
  });

  static class Base {
    public void work() {}
  }

  static class First extends Base {}

  static class Second extends Base {}

  /** Stands for the subclass a container generates to intercept {@link First}. */
  static class FirstSubclass extends First {}

  private static Method work() throws NoSuchMethodException {
    return Base.class.getMethod("work");
  }

  @Test
  void oneInheritedMethodHasAMetricPerBeanClass() throws Exception {
    timers.put(First.class, work(), registry.timer("First.work"));
    timers.put(Second.class, work(), registry.timer("Second.work"));
    assertThat(timers.get(First.class, work()).getName()).isEqualTo("First.work");
    assertThat(timers.get(Second.class, work()).getName()).isEqualTo("Second.work");
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void aContainerSubclassFindsItsBeanClassEntryOnceAndKeepsIt() throws Exception {
    Timer planned = registry.timer("First.work");
    timers.put(First.class, work(), planned);
    assertThat(timers.get(FirstSubclass.class, work())).isSameAs(planned);
    assertThat(timers.get(FirstSubclass.class, work())).isSameAs(planned);
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void anUnplannedMethodIsNamedOnceByTheFallback() throws Exception {
    Timer first = timers.get(Second.class, work());
    assertThat(first.getName()).isEqualTo("fallback.Second.work");
    assertThat(timers.get(Second.class, work())).isSameAs(first);
    assertThat(fallbacks).containsExactly("Second.work");
  }
}
