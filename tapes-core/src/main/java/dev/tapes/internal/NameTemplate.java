package dev.tapes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A metric name template such as {@code my.http.endpoints.{}.latency}, parsed once and expanded
 * for each concrete class: the Java form of the seed's {@code metered_meta} templates, shared by
 * the CDI and JAX-RS integrations.
 *
 * <pre>{@code
 * NameTemplate.parse("my.http.endpoints.{}.latency", false)
 *     .expand("com.example.WidgetResource", null); // my.http.endpoints.WidgetResource.latency
 * }</pre>
 *
 * <p>Placeholders: {@code {}} is the simple name of the concrete class, {@code {class}} its fully
 * qualified name, {@code {package}} its package, and {@code {method}} the method, which only
 * method templates may use. Anything else between braces is refused when the template is
 * parsed, so a typo fails deployment instead of producing a strange name.
 *
 * <p>Works on names as strings, not on {@link Class} objects, so that a build-time extension can
 * use it with its own model of classes.
 */
public final class NameTemplate {

  /** The placeholders, as written in templates. */
  public enum Placeholder {
    SIMPLE_NAME("{}"),
    CLASS("{class}"),
    PACKAGE("{package}"),
    METHOD("{method}");

    private final String text;

    Placeholder(String text) {
      this.text = text;
    }

    /** The placeholder as written in a template, such as {@code {method}}. */
    public String text() {
      return text;
    }
  }

  private final String template;
  /** Literal strings and placeholders in order. */
  private final List<Object> parts;

  private NameTemplate(String template, List<Object> parts) {
    this.template = template;
    this.parts = parts;
  }

  /**
   * Parses {@code template}.
   *
   * @param methodAllowed whether {@code {method}} may appear (method templates only)
   * @throws IllegalArgumentException naming the unknown or unclosed placeholder
   */
  public static NameTemplate parse(String template, boolean methodAllowed) {
    Objects.requireNonNull(template, "template");
    List<Object> parts = new ArrayList<>();
    int literalStart = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        throw new IllegalArgumentException("'}' without '{' at index " + i);
      }
      if (c != '{') {
        i++;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '{' at index " + i);
      }
      Placeholder placeholder = placeholder(template.substring(i, close + 1), methodAllowed);
      if (i > literalStart) {
        parts.add(template.substring(literalStart, i));
      }
      parts.add(placeholder);
      i = close + 1;
      literalStart = i;
    }
    if (literalStart < template.length()) {
      parts.add(template.substring(literalStart));
    }
    return new NameTemplate(template, List.copyOf(parts));
  }

  private static Placeholder placeholder(String text, boolean methodAllowed) {
    for (Placeholder placeholder : Placeholder.values()) {
      if (placeholder.text.equals(text)) {
        if (placeholder == Placeholder.METHOD && !methodAllowed) {
          throw new IllegalArgumentException("placeholder {method} is only known in the names of"
              + " @Timed, @Metered and @Counted; known here: {}, {class}, {package}");
        }
        return placeholder;
      }
    }
    throw new IllegalArgumentException("unknown placeholder " + text + "; known: {}, {class},"
        + " {package}" + (methodAllowed ? ", {method}" : ""));
  }

  /** Whether the template uses {@code placeholder}. */
  public boolean mentions(Placeholder placeholder) {
    return parts.contains(placeholder);
  }

  /**
   * The name for the bean class {@code className} (a binary name, as {@link Class#getName()}
   * gives: {@code com.example.Outer$Inner}) and, in method templates, {@code methodName}.
   *
   * @param className null when there is no bean class (a programmatic lookup)
   * @throws IllegalArgumentException if the template needs the class and there is none
   */
  public String expand(String className, String methodName) {
    StringBuilder name = new StringBuilder(template.length() + 32);
    for (Object part : parts) {
      if (part instanceof Placeholder placeholder) {
        name.append(value(placeholder, className, methodName));
      } else {
        name.append((String) part);
      }
    }
    return name.toString();
  }

  private static String value(Placeholder placeholder, String className, String methodName) {
    if (className == null && placeholder != Placeholder.METHOD) {
      throw new IllegalArgumentException(placeholder.text + " needs a bean class, and a"
          + " programmatic lookup has none: give the whole name");
    }
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

  @Override
  public String toString() {
    return template;
  }
}
