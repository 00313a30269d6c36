package dev.tapes.cdi;

import dev.tapes.MetricType;
import dev.tapes.internal.ClassNames;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Our interceptor bindings ({@link #ALL}, which both extensions plan from), and their reading from
 * a method's class by reflection, for the rare call that deployment did not plan for (an instance
 * the container did not discover as a bean).
 */
final class MethodBindings {

  /** Our interceptor bindings and the kind of metric each records, in a fixed order. */
  static final List<Binding> ALL = List.of(
      new Binding(Timed.class, MetricType.TIMER),
      new Binding(Metered.class, MetricType.METER),
      new Binding(Counted.class, MetricType.COUNTER));

  private MethodBindings() {}

  /** An interceptor binding and the kind of metric its interceptor records. */
  record Binding(Class<? extends Annotation> type, MetricType kind) {}

  /** What {@link MetricNaming#forMethod} decides for {@code method} called on {@code target}. */
  static MetricRequest request(MetricType kind, Class<? extends Annotation> binding,
      Class<?> target, Method method) {
    Class<?> beanClass = ClassNames.userClass(target);
    MeteredClass metered = beanClass.getAnnotation(MeteredClass.class);
    return MetricNaming.forMethod(new Site(beanClass.getName(), "method", method.getName()), kind,
        binding.getSimpleName(), value(method.getAnnotation(binding)),
        value(onClass(beanClass.getAnnotations(), binding, new HashSet<>())),
        metered == null ? null : metered.value());
  }

  /** The value of a binding's {@code value()}, null for no binding. */
  static String value(Annotation binding) {
    if (binding instanceof Timed timed) {
      return timed.value();
    } else if (binding instanceof Metered metered) {
      return metered.value();
    } else if (binding instanceof Counted counted) {
      return counted.value();
    }
    return null;
  }

  /** The binding on a class: declared, inherited, or carried by a stereotype. */
  private static Annotation onClass(Annotation[] annotations,
      Class<? extends Annotation> binding, Set<Class<?>> seen) {
    for (Annotation annotation : annotations) {
      if (binding.isInstance(annotation)) {
        return annotation;
      }
    }
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.isAnnotationPresent(Stereotype.class) && seen.add(type)) {
        Annotation found = onClass(type.getAnnotations(), binding, seen);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
