package dev.tapes.internal;

import java.util.Objects;

/**
 * The rules every metric name follows, wherever it comes from (an application, a proxy's frame
 * on the wire, a state file): a dotted path of non-empty segments without whitespace or control
 * characters.
 */
public final class MetricNameRules {

  private MetricNameRules() {}

  /**
   * Checks that {@code name} is a well-formed dotted name.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static String validate(String name) {
    Objects.requireNonNull(name, "metric name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("metric name must not be empty");
    }
    if (name.startsWith(".") || name.endsWith(".")) {
      throw new IllegalArgumentException("metric name '" + name
          + "' must not start or end with a dot");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException("metric name '" + name
            + "' must not contain whitespace or control characters (at index " + i + ")");
      }
      if (c == '.' && name.charAt(i + 1) == '.') {
        throw new IllegalArgumentException("metric name '" + name
            + "' has an empty segment (two dots at index " + i + ")");
      }
    }
    return name;
  }
}
