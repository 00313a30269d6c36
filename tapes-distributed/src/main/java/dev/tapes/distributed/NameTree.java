package dev.tapes.distributed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names the aggregator has admitted, kept a tree as a registry's are: no name may be both
 * a metric and the parent of another ({@code a.b} and {@code a.b.c}), or the merged view could
 * not nest on the dots. Names of the aggregator's own metrics and per-process gauges are
 * reserved.
 *
 * <p>Not thread-safe; {@link ClusterState} uses it under its lock.
 */
final class NameTree {

  /** The aggregator's own metrics live below this branch. */
  static final String OWN_BRANCH = "tapes.aggregator";
  /** Per-process gauges live below this branch. */
  static final String PROCESS_BRANCH = "tapes.process";

  private final Set<String> leaves = new HashSet<>();
  /** Each branch and one metric below it, for messages. */
  private final Map<String, String> branches = new HashMap<>();

  /** Why {@code name} cannot join the tree, or null if it can. */
  String problemWith(String name) {
    if (name.equals("tapes") || isUnder(name, OWN_BRANCH) || isUnder(name, PROCESS_BRANCH)) {
      return "the name is reserved for the aggregator's own metrics";
    }
    String below = branches.get(name);
    if (below != null) {
      return "it is already a branch of '" + below + "'";
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      String prefix = name.substring(0, dot);
      if (leaves.contains(prefix)) {
        return "it would nest under metric '" + prefix + "'";
      }
    }
    return null;
  }

  void add(String name) {
    leaves.add(name);
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      branches.putIfAbsent(name.substring(0, dot), name);
    }
  }

  private static boolean isUnder(String name, String branch) {
    return name.equals(branch) || name.startsWith(branch + ".");
  }
}
