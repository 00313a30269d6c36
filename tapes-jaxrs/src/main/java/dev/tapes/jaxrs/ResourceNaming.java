package dev.tapes.jaxrs;

import dev.tapes.internal.ClassNames;
import dev.tapes.internal.NameTemplate;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Names the metrics of a resource method from a template, once, when the method is bound.
 *
 * <p>Placeholders are those of tapes-cdi's {@code @MeteredClass}: {@code {}} is the simple name of
 * the resource class, {@code {class}} its fully qualified name, {@code {package}} its package,
 * and {@code {method}} the Java method's name. The default template is {@code
 * http.{}.{method}}. A resource class carrying {@code @MeteredClass("t")} (directly or from a
 * superclass) is named {@code t.{method}} instead, with {@code t} expanded for the concrete class,
 * so the filter's metrics sit beside those the resource injects itself.
 *
 * <p>{@code @MeteredClass} is recognised by its name, never loaded: tapes-cdi is optional.
 */
final class ResourceNaming {

  static final String METERED_CLASS = "dev.tapes.cdi.MeteredClass";

  private final NameTemplate template;

  private ResourceNaming(NameTemplate template) {
    this.template = template;
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException naming an unknown or unclosed placeholder
   */
  static ResourceNaming parse(String template) {
    if (template.isBlank()) {
      throw new IllegalArgumentException("name template must not be empty");
    }
    try {
      return new ResourceNaming(NameTemplate.parse(template, true));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("name template '" + template + "': " + e.getMessage(), e);
    }
  }

  /**
   * The metric prefix of {@code method} of {@code resourceClass}: from the class's
   * {@code @MeteredClass} template when it has one, else from this template.
   */
  String prefix(Class<?> resourceClass, Method method) {
    Class<?> concrete = ClassNames.userClass(resourceClass);
    String classTemplate = meteredClassTemplate(concrete);
    if (classTemplate == null) {
      return template.expand(concrete.getName(), method.getName());
    }
    try {
      return NameTemplate.parse(classTemplate.isEmpty() ? "{}" : classTemplate, false)
          .expand(concrete.getName(), null) + "." + method.getName();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("@MeteredClass(\"" + classTemplate + "\") on "
          + concrete.getName() + ": " + e.getMessage(), e);
    }
  }

  /** The value of the nearest {@code @MeteredClass} on the class or a superclass, or null. */
  static String meteredClassTemplate(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Annotation annotation : c.getDeclaredAnnotations()) {
        if (annotation.annotationType().getName().equals(METERED_CLASS)) {
          try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
          } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read " + annotation + " on " + c.getName(), e);
          }
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return template.toString();
  }
}
