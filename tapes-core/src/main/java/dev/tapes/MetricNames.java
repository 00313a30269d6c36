package dev.tapes;

import dev.tapes.internal.MetricNameRules;
import java.util.HashMap;
import java.util.Map;

/**
 * The index that keeps a registry's names a tree (no name both a metric and the parent of
 * another), over the rules every name follows ({@link MetricNameRules}).
 *
 * <p>Not thread-safe; the registry uses it under its registration lock.
 */
final class MetricNames {

  /** Each branch (proper dotted prefix of a name) and one metric below it, for messages. */
  private final Map<String, String> branches = new HashMap<>();
  private final Map<String, Boolean> leaves = new HashMap<>();

  /**
   * Checks that {@code name} is a well-formed dotted name (see {@link MetricNameRules}).
   *
   * @throws IllegalArgumentException naming the problem
   */
  static String validate(String name) {
    return MetricNameRules.validate(name);
  }

  /**
   * Checks that {@code name} can join the tree.
   *
   * @throws IllegalArgumentException if it is already a branch, or nests under a metric
   */
  void checkFits(String name) {
    String below = branches.get(name);
    if (below != null) {
      throw new IllegalArgumentException("metric name '" + name + "' is already a branch of '"
          + below + "': a name cannot be both a metric and the parent of another");
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      String prefix = name.substring(0, dot);
      if (leaves.containsKey(prefix)) {
        throw new IllegalArgumentException("metric name '" + name + "' would nest under metric '"
            + prefix + "': a name cannot be both a metric and the parent of another");
      }
    }
  }

  void add(String name) {
    leaves.put(name, Boolean.TRUE);
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      branches.putIfAbsent(name.substring(0, dot), name);
    }
  }
}
