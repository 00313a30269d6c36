package dev.tapes.exposition;

import dev.tapes.MetricSnapshot;
import dev.tapes.RegistrySnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the seed's {@code get_stats()} tree from a snapshot: maps nested on the dots of the
 * names, each metric a leaf map with the seed's keys. Durations are in seconds; an empty
 * window's statistics are {@code NaN}.
 *
 * <pre>{@code
 * Map<String, Object> stats = StatsTree.of(registry.snapshot()); // what registry.getStats() is
 * }</pre>
 */
public final class StatsTree {

  private StatsTree() {}

  /**
   * The tree of {@code snapshot}, unmodifiable and in name order.
   *
   * @throws IllegalArgumentException if a name is both a metric and a branch
   */
  public static Map<String, Object> of(RegistrySnapshot snapshot) {
    Branch root = new Branch();
    for (MetricSnapshot metric : snapshot.metrics()) {
      String name = metric.name();
      Branch branch = branchFor(root, name);
      if (branch.putIfAbsent(leafName(name), leaf(metric)) != null) {
        throw new IllegalArgumentException("metric '" + name + "' is also a branch of the tree");
      }
    }
    return freeze(root);
  }

  private static Map<String, Object> leaf(MetricSnapshot metric) {
    Map<String, Object> values = new LinkedHashMap<>();
    StatsLeaf.write(metric, StatsLeaf.NANOS_PER_SECOND, new StatsLeaf.Fields() {
      @Override
      public void integer(String key, long value) {
        values.put(key, value);
      }

      @Override
      public void decimal(String key, double value) {
        values.put(key, value);
      }
    });
    return values;
  }

  private static Branch branchFor(Branch root, String name) {
    Branch branch = root;
    int start = 0;
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
      Object child = branch.computeIfAbsent(name.substring(start, dot), segment -> new Branch());
      if (!(child instanceof Branch next)) {
        throw new IllegalArgumentException("metric '" + name + "' nests under another metric");
      }
      branch = next;
      start = dot + 1;
    }
    return branch;
  }

  private static String leafName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freeze(Map<String, Object> tree) {
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> child) {
        entry.setValue(freeze((Map<String, Object>) child));
      }
    }
    return Collections.unmodifiableMap(tree);
  }

  /** An inner node of the tree, told apart from a metric's leaf map while building. */
  private static final class Branch extends LinkedHashMap<String, Object> {}
}
