package dev.tapes.exposition;

import dev.tapes.MetricSnapshot;
import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a snapshot as JSON: the {@code getStats()} tree, on one line.
 *
 * <pre>{@code
 * JsonFormat.write(registry.snapshot(), out);
 * // {"my":{"timer":{"count":1,"m1":0.2,...,"q999":0.02}}}
 * }</pre>
 *
 * <p>Parsed back, the document equals {@code StatsTree.of(snapshot)}: the same nesting on the dots
 * of names, the same keys, counts as integers, every other number with a fraction or exponent
 * so that it reads back as a double, and the exact same doubles. JSON has no NaN or infinity:
 * those (an empty window's statistics, a failing gauge) are {@code null}.
 *
 * <p>The document is written straight from the snapshot, without building the tree, relying on
 * the snapshot's name order (every name under a branch is contiguous). A snapshot in which a
 * name is both a metric and a branch is refused, as {@link StatsTree} refuses it.
 */
public final class JsonFormat {

  /** The media type of this format, as sent in {@code Content-Type}. */
  public static final String CONTENT_TYPE = "application/json";

  private JsonFormat() {}

  /**
   * Appends the JSON of {@code snapshot} to {@code out}.
   *
   * @throws IllegalArgumentException if a name is both a metric and a branch
   */
  public static void write(RegistrySnapshot snapshot, Appendable out) throws IOException {
    write(snapshot, Sink.to(out));
  }

  /** Writes the JSON of {@code snapshot} to {@code out} in UTF-8; does not close it. */
  public static void write(RegistrySnapshot snapshot, OutputStream out) throws IOException {
    write(snapshot, Sink.to(out));
  }

  /** The JSON of {@code snapshot} as a string. */
  public static String toString(RegistrySnapshot snapshot) {
    return Sink.render(snapshot, JsonFormat::write);
  }

  private static void write(RegistrySnapshot snapshot, Sink sink) throws IOException {
    List<MetricSnapshot> metrics = snapshot.metrics();
    StringBuilder out = sink.text;
    Leaf leaf = new Leaf(out);
    out.append('{');
    // The open branches are the first `depth` segments of `previous`, each ending at
    // ends[level]; `first` says the object at that level has no member yet.
    String previous = "";
    int[] ends = new int[8];
    int depth = 0;
    boolean first = true;
    for (MetricSnapshot metric : metrics) {
      String name = metric.name();
      int common = commonBranches(previous, ends, depth, name);
      for (; depth > common; depth--) {
        out.append('}');
        first = false;
      }
      int start = depth == 0 ? 0 : ends[depth - 1] + 1;
      for (int dot = name.indexOf('.', start); dot >= 0; dot = name.indexOf('.', start)) {
        if (isMetric(metrics, name, dot)) {
          throw new IllegalArgumentException("metric '" + name + "' nests under metric '"
              + name.substring(0, dot) + "'");
        }
        if (!first) {
          out.append(',');
        }
        Escaping.appendJsonString(out, name, start, dot);
        out.append(":{");
        first = true;
        if (depth == ends.length) {
          ends = Arrays.copyOf(ends, depth * 2);
        }
        ends[depth++] = dot;
        start = dot + 1;
      }
      if (!first) {
        out.append(',');
      }
      Escaping.appendJsonString(out, name, start, name.length());
      out.append(':');
      leaf.write(metric);
      first = false;
      previous = name;
      sink.endLine();
    }
    for (; depth > 0; depth--) {
      out.append('}');
    }
    out.append('}');
    sink.finish();
  }

  /** How many of the open branches of {@code previous} are also branches of {@code name}. */
  private static int commonBranches(String previous, int[] ends, int depth, String name) {
    int start = 0;
    for (int level = 0; level < depth; level++) {
      int end = ends[level];
      int length = end - start;
      if (name.length() <= end || name.charAt(end) != '.'
          || !name.regionMatches(start, previous, start, length)) {
        return level;
      }
      start = end + 1;
    }
    return depth;
  }

  /** True if the first {@code end} characters of {@code name} are a metric's whole name. */
  private static boolean isMetric(List<MetricSnapshot> metrics, String name, int end) {
    int low = 0;
    int high = metrics.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = compareToPrefix(metrics.get(middle).name(), name, end);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** {@code a.compareTo(b.substring(0, end))}, without the substring. */
  private static int compareToPrefix(String a, String b, int end) {
    int length = Math.min(a.length(), end);
    for (int i = 0; i < length; i++) {
      int difference = a.charAt(i) - b.charAt(i);
      if (difference != 0) {
        return difference;
      }
    }
    return a.length() - end;
  }

  /** Writes a leaf as a JSON object: counts as integers, other numbers as JSON doubles. */
  private static final class Leaf implements StatsLeaf.Fields {

    private final StringBuilder out;
    private boolean first;

    Leaf(StringBuilder out) {
      this.out = out;
    }

    void write(MetricSnapshot metric) {
      out.append('{');
      first = true;
      StatsLeaf.write(metric, StatsLeaf.NANOS_PER_SECOND, this);
      out.append('}');
    }

    @Override
    public void integer(String key, long value) {
      key(key);
      out.append(value);
    }

    @Override
    public void decimal(String key, double value) {
      key(key);
      Numbers.appendJson(out, value);
    }

    private void key(String key) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append('"').append(key).append("\":");
    }
  }
}
