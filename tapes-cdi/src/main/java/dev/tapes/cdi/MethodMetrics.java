package dev.tapes.cdi;

import dev.tapes.Metric;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The metric of every intercepted method, per bean class, resolved once: what an interceptor
 * reads on each call.
 *
 * <p>Keyed by the class of the intercepted instance and then the {@link Method}: one {@code
 * Method} inherited by two beans ({@code @Timed} in an abstract base) has a metric per concrete
 * class when its name mentions {@code {}}. The container calls interceptors with an instance of
 * its own subclass of the bean class; the first call from such a class finds the bean class's
 * entry, filled at deployment, by walking up the superclasses, and remembers it.
 *
 * <p>{@link #get} is two {@link ConcurrentHashMap#get} calls: no lock, no allocation ({@code
 * Class} and {@code Method} hash codes are cached or computed without allocating).
 */
final class MethodMetrics<M extends Metric> {

  private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<Method, M>> byClass =
      new ConcurrentHashMap<>();
  /** Names and creates the metric of a method nothing was planned for; see {@link #resolve}. */
  private final BiFunction<Class<?>, Method, M> fallback;

  MethodMetrics(BiFunction<Class<?>, Method, M> fallback) {
    this.fallback = fallback;
  }

  /** The metric of {@code method} called on an instance of {@code targetClass}. */
  M get(Class<?> targetClass, Method method) {
    ConcurrentHashMap<Method, M> methods = byClass.get(targetClass);
    M metric = methods == null ? null : methods.get(method);
    return metric != null ? metric : resolve(targetClass, method);
  }

  /** Records the metric of {@code method} for the bean class {@code beanClass}, at deployment. */
  void put(Class<?> beanClass, Method method, M metric) {
    byClass.computeIfAbsent(beanClass, c -> new ConcurrentHashMap<>()).put(method, metric);
  }

  /** The first call of a method from a class: finds the planned metric, or names one. */
  private M resolve(Class<?> targetClass, Method method) {
    for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
      ConcurrentHashMap<Method, M> planned = byClass.get(c);
      M metric = planned == null ? null : planned.get(method);
      if (metric != null) {
        put(targetClass, method, metric);
        return metric;
      }
    }
    M metric = fallback.apply(targetClass, method);
    put(targetClass, method, metric);
    return metric;
  }
}
