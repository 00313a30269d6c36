package dev.tapes.cdi;

import dev.tapes.MetricType;
import dev.tapes.internal.NameTemplate;

/**
 * The naming rules: which metric an injection point or an intercepted method gets.
 *
 * <p>All inputs are strings (binary class names, annotation values as written, null when the
 * annotation is absent), so the rules serve the portable extension and a build-time extension
 * alike, and are tested without a container. Every failure is an {@link
 * IllegalArgumentException} whose message starts with the bean and member, then the annotation
 * (the "key") whose value is wrong.
 */
final class MetricNaming {

  private MetricNaming() {}

  /**
   * Whether we provide the metric at an injection point of type {@code typeName}: a metric type
   * qualified {@link Metric}, or an injectable one with no qualifier but {@code @Default} and
   * {@code @Any}. Other qualifiers belong to the application's own beans.
   *
   * @param metricQualified whether the injection point carries {@link Metric}
   * @param otherQualifiers whether it carries a qualifier other than {@code @Default}, {@code @Any}
   *     and {@link Metric}
   */
  static boolean provides(String typeName, boolean metricQualified, boolean otherQualifiers) {
    if (!isMetricTypeName(typeName)) {
      return false;
    }
    return metricQualified || injectable(typeName) != null && !otherQualifiers;
  }

  /**
   * The metric injected into {@code site}, a field or parameter of type {@code typeName}.
   *
   * @param meteredClass the value of the bean class's {@link MeteredClass}, null if it has none
   * @param metric the value of the injection point's {@link Metric}, null if it has none
   */
  static MetricRequest forInjection(Site site, String typeName, String meteredClass,
      String metric) {
    MetricType kind = injectable(typeName);
    String key = metric != null ? annotation("Metric", metric)
        : meteredClass != null ? annotation("MeteredClass", meteredClass)
        : site.memberKind() == null ? "default name"
        : "default name {}.<" + site.memberKind() + ">";
    if (kind == null) {
      throw new IllegalArgumentException(site + ", " + key + ": cannot inject a " + typeName
          + "; metrics are injected as dev.tapes.Timer, Meter, Counter or Histogram"
          + (typeName.equals("dev.tapes.Gauge")
              ? " (a gauge reads a value the bean provides: call registry.gauge(name, supplier))"
              : ""));
    }
    if (metric != null && !metric.isEmpty()) {
      return new MetricRequest(kind, expand(site, key, metric, false, null), site, key);
    }
    if (site.memberName() == null) {
      throw new IllegalArgumentException(site + ", " + key + ": " + (site.memberKind() == null
          ? "nothing to name the metric after; select it with Metric.Literal.of(\"name\")"
          : "the default name needs the parameter's name; compile with javac -parameters or"
              + " write @Metric(\"name\")"));
    }
    String prefix = expand(site, key, classTemplate(meteredClass), false, null);
    return new MetricRequest(kind, prefix + "." + site.memberName(), site, key);
  }

  /**
   * The metric of {@code kind} that the interceptor of {@code binding} (as {@code Timed}) uses
   * for the method {@code site}.
   *
   * @param onMethod the binding's value on the method, null if the method does not carry it
   * @param onClass the binding's value on the class, null if the class does not carry it
   * @param meteredClass the value of the bean class's {@link MeteredClass}, null if it has none
   */
  static MetricRequest forMethod(Site site, MetricType kind, String binding, String onMethod,
      String onClass, String meteredClass) {
    String method = site.memberName();
    if (onMethod != null && !onMethod.isEmpty()) {
      String key = "@" + binding + " on the method " + quoted(onMethod);
      return new MetricRequest(kind, expand(site, key, onMethod, true, method), site, key);
    }
    if (onClass != null && !onClass.isEmpty()) {
      String key = "@" + binding + " on the class " + quoted(onClass);
      NameTemplate template = parse(site, key, onClass, true);
      String name = template.expand(site.beanClassName(), method);
      if (!template.mentions(NameTemplate.Placeholder.METHOD)) {
        name = name + "." + method;
      }
      return new MetricRequest(kind, name, site, key);
    }
    String key = meteredClass != null ? annotation("MeteredClass", meteredClass)
        : "default name of @" + binding + ", {}.<method>";
    String prefix = expand(site, key, classTemplate(meteredClass), false, null);
    return new MetricRequest(kind, prefix + "." + method, site, key);
  }

  /**
   * The type of metric injected as {@code typeName}, or null if that type cannot be injected (a
   * {@code Gauge} reads a value the bean provides, so it is registered, not injected).
   */
  static MetricType injectable(String typeName) {
    MetricType type = MetricType.ofMetricClass(typeName);
    return type == MetricType.GAUGE ? null : type;
  }

  /** Whether {@code typeName} is one of the core's metric types (injectable or not). */
  private static boolean isMetricTypeName(String typeName) {
    return MetricType.ofMetricClass(typeName) != null
        || typeName.equals(dev.tapes.Metric.class.getName());
  }

  /** The template of a {@link MeteredClass} value: the value, or {@code {}} if empty or absent. */
  static String classTemplate(String meteredClass) {
    return meteredClass == null || meteredClass.isEmpty()
        ? NameTemplate.Placeholder.SIMPLE_NAME.text() : meteredClass;
  }

  /**
   * Checks a {@link MeteredClass} value on its own, so that a bad template fails deployment even
   * in a class with nothing injected yet.
   */
  static void checkClassTemplate(String beanClassName, String meteredClass) {
    parse(new Site(beanClassName, null, null), annotation("MeteredClass", meteredClass),
        classTemplate(meteredClass), false);
  }

  private static String expand(Site site, String key, String template, boolean methodAllowed,
      String method) {
    try {
      return NameTemplate.parse(template, methodAllowed).expand(site.beanClassName(), method);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(site + ", " + key + ": " + e.getMessage(), e);
    }
  }

  private static NameTemplate parse(Site site, String key, String template,
      boolean methodAllowed) {
    try {
      return NameTemplate.parse(template, methodAllowed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(site + ", " + key + ": " + e.getMessage(), e);
    }
  }

  private static String annotation(String name, String value) {
    return "@" + name + (value.isEmpty() ? "" : "(" + quoted(value) + ")");
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }
}
