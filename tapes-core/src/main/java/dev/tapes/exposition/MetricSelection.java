package dev.tapes.exposition;

import dev.tapes.MetricSnapshot;
import dev.tapes.RegistrySnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects the part of a snapshot under a dotted path, for endpoints that serve a subtree:
 * {@code GET /metrics/my/http} answers the metrics under {@code my.http}.
 *
 * <pre>{@code
 * Optional<RegistrySnapshot> selected = MetricSelection.select(registry.snapshot(), "my.http");
 * // empty: answer 404
 * }</pre>
 */
public final class MetricSelection {

  private MetricSelection() {}

  /**
   * The metrics named {@code path} or below it ({@code path.*}), in name order; the whole
   * snapshot for an empty path; empty if nothing matches, so that the caller can answer "not
   * found". The selection keeps full names: its JSON is still rooted at the top of the tree.
   */
  public static Optional<RegistrySnapshot> select(RegistrySnapshot snapshot, String path) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      return Optional.of(snapshot);
    }
    List<MetricSnapshot> metrics = snapshot.metrics();
    // Names are sorted, so every name starting with "path." is in one contiguous run; the
    // metric named exactly "path" sorts before that run, but not always right before it.
    String branch = path + ".";
    int exact = -1;
    int from = lowerBound(metrics, path);
    if (from < metrics.size() && metrics.get(from).name().equals(path)) {
      exact = from;
    }
    int start = lowerBound(metrics, branch);
    int end = start;
    while (end < metrics.size() && metrics.get(end).name().startsWith(branch)) {
      end++;
    }
    if (exact < 0 && start == end) {
      return Optional.empty();
    }
    if (exact < 0) {
      return Optional.of(new RegistrySnapshot(metrics.subList(start, end)));
    }
    if (start == end) {
      return Optional.of(new RegistrySnapshot(List.of(metrics.get(exact))));
    }
    // A name both a metric and a branch cannot come from a registry; keep the result sorted.
    List<MetricSnapshot> both = new java.util.ArrayList<>(end - start + 1);
    both.add(metrics.get(exact));
    both.addAll(metrics.subList(start, end));
    return Optional.of(new RegistrySnapshot(both));
  }

  /**
   * The metric path of an URL path below an endpoint: {@code my/http} → {@code my.http}. Empty
   * segments (doubled or trailing slashes) are ignored.
   */
  public static String pathOf(String urlPath) {
    Objects.requireNonNull(urlPath, "urlPath");
    StringBuilder path = new StringBuilder(urlPath.length());
    for (String segment : urlPath.split("/")) {
      if (!segment.isEmpty()) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(segment);
      }
    }
    return path.toString();
  }

  private static int lowerBound(List<MetricSnapshot> metrics, String name) {
    int low = 0;
    int high = metrics.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (metrics.get(middle).name().compareTo(name) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
