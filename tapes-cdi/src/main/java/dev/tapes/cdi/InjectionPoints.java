package dev.tapes.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Translates a CDI {@link InjectionPoint} into the inputs of {@link MetricNaming}. */
final class InjectionPoints {

  private InjectionPoints() {}

  /** Whether the metric at {@code point} is ours to provide; see {@link MetricNaming#provides}. */
  static boolean isOurs(InjectionPoint point) {
    boolean others = point.getQualifiers().stream().anyMatch(q -> q.annotationType()
        != Default.class && q.annotationType() != Any.class && q.annotationType() != Metric.class);
    return MetricNaming.provides(rawType(point.getType()).getName(),
        metricQualifier(point) != null, others);
  }

  /**
   * The metric injected at {@code point}.
   *
   * @throws IllegalArgumentException naming the bean, the member and the annotation at fault
   */
  static MetricRequest request(InjectionPoint point) {
    Class<?> beanClass = beanClass(point);
    MetricRequest request = request(point, beanClass, site(point, beanClass));
    if (point.getBean() == null && beanClass != null
        && Modifier.isAbstract(beanClass.getModifiers())) {
      refuseToGuessTheSubclass(point, beanClass, request);
    }
    return request;
  }

  /**
   * The metric of a field of a bean, looked up once per bean class and field: request-scoped
   * beans are injected on every request, and must not name their metrics every time.
   */
  static dev.tapes.Metric metric(InjectionPoint point, TapesRuntime runtime) {
    Bean<?> bean = point.getBean();
    if (bean != null && point.getMember() instanceof Field field) {
      return runtime.injected(bean.getBeanClass(), field, () -> request(point));
    }
    return runtime.metric(request(point));
  }

  private static MetricRequest request(InjectionPoint point, Class<?> beanClass, Site site) {
    Metric metric = metricQualifier(point);
    MeteredClass metered = beanClass == null ? null : beanClass.getAnnotation(MeteredClass.class);
    return MetricNaming.forInjection(site, rawType(point.getType()).getName(),
        metered == null ? null : metered.value(), metric == null ? null : metric.value());
  }

  /**
   * An instance that is not a bean (typically a JAX-RS resource that the container's discovery
   * did not make a bean) gives no concrete class: CDI only tells where the field was declared.
   * When that is an abstract class and the name depends on the concrete class, any name we
   * chose would merge every subclass's metrics into one, silently; we refuse instead.
   */
  private static void refuseToGuessTheSubclass(InjectionPoint point, Class<?> declaring,
      MetricRequest request) {
    MetricRequest elsewhere = request(point, declaring,
        site(point, UnknownSubclass.class));
    if (elsewhere.name().equals(request.name())) {
      return;
    }
    throw new IllegalStateException(request.site() + ", " + request.key() + ": the name depends"
        + " on the concrete class, but this instance of a subclass of abstract "
        + declaring.getSimpleName() + " is not a CDI bean (in a bean archive with discovery"
        + " mode 'annotated', such as a WAR without beans.xml, a subclass that declares no"
        + " annotation of its own is not discovered; JAX-RS then creates it itself), so the"
        + " container does not say which subclass it is. Give each concrete subclass a"
        + " bean-defining annotation such as @RequestScoped, or name the metric without {},"
        + " {class} and {package}");
  }

  /** Stands in for the unknown concrete class when checking whether a name depends on it. */
  private static final class UnknownSubclass {}

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
