package dev.tapes.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Translates a CDI {@link InjectionPoint} into the inputs of {@link MetricNaming}. */
final class InjectionPoints {

  private InjectionPoints() {}

  /**
   * Whether the metric at {@code point} is ours to provide: a metric type that is {@code
   * @Default} or {@link Metric}-qualified. Other qualifiers belong to the application's own beans.
   */
  static boolean isOurs(InjectionPoint point) {
    String typeName = rawType(point.getType()).getName();
    if (!MetricKind.isMetricTypeName(typeName)) {
      return false;
    }
    boolean named = metricQualifier(point) != null;
    return named || MetricKind.ofTypeName(typeName) != null && point.getQualifiers().stream()
        .allMatch(q -> q.annotationType() == Default.class || q.annotationType() == Any.class);
  }

  /**
   * The metric injected at {@code point}.
   *
   * @throws IllegalArgumentException naming the bean, the member and the annotation at fault
   */
  static MetricRequest request(InjectionPoint point) {
    Class<?> beanClass = beanClass(point);
    Metric metric = metricQualifier(point);
    MeteredClass metered = beanClass == null ? null : beanClass.getAnnotation(MeteredClass.class);
    return MetricNaming.forInjection(site(point, beanClass),
        rawType(point.getType()).getName(), metered == null ? null : metered.value(),
        metric == null ? null : metric.value());
  }

  /**
   * The concrete bean class: the bean's, so that {@code {}} is the subclass that inherited the
   * field. An instance the container did not create as a bean (a non-contextual injection) has
   * none; the field's declaring class stands in.
   */
  private static Class<?> beanClass(InjectionPoint point) {
    Bean<?> bean = point.getBean();
    if (bean != null) {
      return bean.getBeanClass();
    }
    Member member = point.getMember();
    return member == null ? null : member.getDeclaringClass();
  }

  private static Site site(InjectionPoint point, Class<?> beanClass) {
    String className = beanClass == null ? null : beanClass.getName();
    if (point.getAnnotated() instanceof AnnotatedParameter<?> parameter) {
      Parameter javaParameter = parameter.getJavaParameter();
      return new Site(className, "parameter",
          javaParameter.isNamePresent() ? javaParameter.getName() : null);
    }
    Member member = point.getMember();
    if (member == null) {
      return new Site(className, null, null); // a programmatic lookup: CDI.current().select(...)
    }
    return new Site(className, member instanceof Field ? "field" : "member", member.getName());
  }

  /** The {@link Metric} qualifier: from the qualifiers, so programmatic lookups are seen too. */
  private static Metric metricQualifier(InjectionPoint point) {
    for (Annotation qualifier : point.getQualifiers()) {
      if (qualifier instanceof Metric metric) {
        return metric;
      }
    }
    return null;
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return rawType(parameterized.getRawType());
    }
    return Object.class;
  }
}
