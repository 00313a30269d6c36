package dev.tapes.jaxrs;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  private enum Placeholder {
    SIMPLE_NAME("{}"),
    CLASS("{class}"),
    PACKAGE("{package}"),
    METHOD("{method}");

    private final String text;

    Placeholder(String text) {
      this.text = text;
    }
  }

  private final String template;
  /** Literal strings and placeholders, in order. */
  private final List<Object> parts;

  private ResourceNaming(String template, List<Object> parts) {
    this.template = template;
    this.parts = parts;
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException naming an unknown or unclosed placeholder
   */
  static ResourceNaming parse(String template) {
    Objects.requireNonNull(template, "name template");
    List<Object> parts = new ArrayList<>();
    int literalStart = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        throw new IllegalArgumentException("name template '" + template + "': '}' without '{'"
            + " at index " + i);
      }
      if (c != '{') {
        i++;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw new IllegalArgumentException("name template '" + template + "': unclosed '{' at"
            + " index " + i);
      }
      if (i > literalStart) {
        parts.add(template.substring(literalStart, i));
      }
      parts.add(placeholder(template, template.substring(i, close + 1)));
      i = close + 1;
      literalStart = i;
    }
    if (literalStart < template.length()) {
      parts.add(template.substring(literalStart));
    }
    if (template.isBlank()) {
      throw new IllegalArgumentException("name template must not be empty");
    }
    return new ResourceNaming(template, List.copyOf(parts));
  }

  /**
   * The metric prefix of {@code method} of {@code resourceClass}: from the class's
   * {@code @MeteredClass} template when it has one, else from this template.
   */
  String prefix(Class<?> resourceClass, Method method) {
    Class<?> concrete = userClass(resourceClass);
    String classTemplate = meteredClassTemplate(concrete);
    if (classTemplate == null) {
      return expand(concrete, method.getName());
    }
    ResourceNaming meteredClass = parse(classTemplate.isEmpty() ? "{}" : classTemplate);
    if (meteredClass.parts.contains(Placeholder.METHOD)) {
      throw new IllegalArgumentException("@MeteredClass(\"" + classTemplate + "\") on "
          + concrete.getName() + ": {method} is not known in class templates");
    }
    return meteredClass.expand(concrete, null) + "." + method.getName();
  }

  private String expand(Class<?> type, String methodName) {
    StringBuilder name = new StringBuilder(template.length() + 32);
    for (Object part : parts) {
      if (part instanceof Placeholder placeholder) {
        name.append(value(placeholder, type, methodName));
      } else {
        name.append((String) part);
      }
    }
    return name.toString();
  }

  private static String value(Placeholder placeholder, Class<?> type, String methodName) {
    String className = type.getName();
    int dot = className.lastIndexOf('.');
    switch (placeholder) {
      case SIMPLE_NAME:
        return className.substring(Math.max(dot, className.lastIndexOf('$')) + 1);
      case CLASS:
        return className;
      case PACKAGE:
        return dot < 0 ? "" : className.substring(0, dot);
      default:
        return Objects.requireNonNull(methodName, "method name");
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

  /**
   * The application's class behind a container-generated subclass (CDI proxies such as Weld's
   * {@code Foo$Proxy$_$$_WeldSubclass}), so metrics carry the name the user wrote.
   */
  static Class<?> userClass(Class<?> type) {
    Class<?> c = type;
    while (c.getSuperclass() != null && c.getSuperclass() != Object.class
        && (c.isSynthetic() || c.getName().contains("$$"))) {
      c = c.getSuperclass();
    }
    return c;
  }

  private static Placeholder placeholder(String template, String text) {
    for (Placeholder placeholder : Placeholder.values()) {
      if (placeholder.text.equals(text)) {
        return placeholder;
      }
    }
    throw new IllegalArgumentException("name template '" + template + "': unknown placeholder "
        + text + "; known: {}, {class}, {package}, {method}");
  }

  @Override
  public String toString() {
    return template;
  }
}
