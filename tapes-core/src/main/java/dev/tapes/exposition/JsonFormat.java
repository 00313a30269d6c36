package dev.tapes.exposition;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.RegistrySnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
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
 * <p>Parsed back, the document equals {@code snapshot.toStats()}: the same nesting on the dots
 * of names, the same keys, counts as integers, every other number with a fraction or exponent
 * so that it reads back as a double, and the exact same doubles. JSON has no NaN or infinity:
 * those (an empty window's statistics, a failing gauge) are {@code null}.
 *
 * <p>The document is written straight from the snapshot, without building the tree, relying on
 * the snapshot's name order (every name under a branch is contiguous). A snapshot in which a
 * name is both a metric and a branch is refused, as {@code toStats()} refuses it.
 */
public final class JsonFormat {

  /** The media type of this format, as sent in {@code Content-Type}. */
  public static final String CONTENT_TYPE = "application/json";

  private static final String[] QUANTILE_KEYS = {"q50", "q75", "q95", "q98", "q99", "q999"};
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  private static final double NANOS_PER_SECOND = 1e9;

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
      leaf(out, metric);
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

  private static void leaf(StringBuilder out, MetricSnapshot metric) {
    if (metric instanceof CounterSnapshot counter) {
      out.append("{\"value\":").append(counter.count()).append('}');
    } else if (metric instanceof GaugeSnapshot gauge) {
      out.append("{\"value\":");
      Numbers.appendJson(out, gauge.value());
      out.append('}');
    } else if (metric instanceof MeterSnapshot meter) {
      out.append("{\"count\":").append(meter.count());
      rates(out, meter.rates());
      out.append('}');
    } else if (metric instanceof HistogramSnapshot histogram) {
      out.append("{\"count\":").append(histogram.count());
      distribution(out, histogram.window(), 1.0);
      out.append('}');
    } else if (metric instanceof TimerSnapshot timer) {
      out.append("{\"count\":").append(timer.count());
      rates(out, timer.rates());
      distribution(out, timer.window(), NANOS_PER_SECOND);
      out.append('}');
    }
  }

  private static void rates(StringBuilder out, Rates rates) {
    member(out, "m1", rates.oneMinuteRate());
    member(out, "m5", rates.fiveMinuteRate());
    member(out, "m15", rates.fifteenMinuteRate());
  }

  private static void distribution(StringBuilder out, Snapshot window, double unit) {
    member(out, "min", window.getMin() / unit);
    member(out, "max", window.getMax() / unit);
    member(out, "mean", window.getMean() / unit);
    member(out, "stddev", window.getStdDev() / unit);
    for (int i = 0; i < QUANTILES.length; i++) {
      member(out, QUANTILE_KEYS[i], window.getQuantile(QUANTILES[i]) / unit);
    }
  }

  private static void member(StringBuilder out, String key, double value) {
    out.append(",\"").append(key).append("\":");
    Numbers.appendJson(out, value);
  }
}
