package dev.tapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every metric of a registry at one moment, sorted by name, so that every output made from it
 * is deterministic.
 */
public record RegistrySnapshot(List<MetricSnapshot> metrics) {

  private static final RegistrySnapshot EMPTY = new RegistrySnapshot(List.of());

  public RegistrySnapshot {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
    for (int i = 1; i < metrics.size(); i++) {
      String previous = metrics.get(i - 1).name();
      String name = metrics.get(i).name();
      if (previous.compareTo(name) >= 0) {
        throw new IllegalArgumentException("metrics must be sorted by unique name: '" + previous
            + "' then '" + name + "'");
      }
    }
  }

  /** The snapshot of a registry with no metrics. */
  public static RegistrySnapshot empty() {
    return EMPTY;
  }

  /**
   * The metrics named {@code path} or below it ({@code path.*}), in name order: the subtree a
   * scrape of {@code /metrics/my/http} answers. Every metric for an empty path; an empty
   * snapshot if none matches. Names stay whole.
   */
  public RegistrySnapshot select(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      return this;
    }
    int[] range = range(metrics, path, MetricSnapshot::name);
    if (range == null) {
      return EMPTY;
    }
    List<MetricSnapshot> selected = new ArrayList<>(range[1] - range[0] + 1);
    if (range[2] >= 0) {
      selected.add(metrics.get(range[2]));
    }
    selected.addAll(metrics.subList(range[0], range[1]));
    return new RegistrySnapshot(selected);
  }

  /** The name of an element of a sorted list. */
  interface Naming<T> {
    String nameOf(T element);
  }

  /**
   * Where the elements named {@code path} or below it sit in a list sorted by name: {@code
   * {from, to, exact}}, the run {@code [from, to)} of names starting with {@code path.}, and the
   * position of the name {@code path} itself, or -1; null if there is neither.
   */
  static <T> int[] range(List<T> sorted, String path, Naming<T> naming) {
    // Every name starting with "path." is in one contiguous run; the name "path" itself sorts
    // before that run, though not always right before it ("path-x" sorts between them).
    String branch = path + ".";
    int exactAt = lowerBound(sorted, path, naming);
    int exact = exactAt < sorted.size() && naming.nameOf(sorted.get(exactAt)).equals(path)
        ? exactAt : -1;
    int from = lowerBound(sorted, branch, naming);
    int to = from;
    while (to < sorted.size() && naming.nameOf(sorted.get(to)).startsWith(branch)) {
      to++;
    }
    return exact < 0 && from == to ? null : new int[] {from, to, exact};
  }

  private static <T> int lowerBound(List<T> sorted, String name, Naming<T> naming) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (naming.nameOf(sorted.get(middle)).compareTo(name) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
