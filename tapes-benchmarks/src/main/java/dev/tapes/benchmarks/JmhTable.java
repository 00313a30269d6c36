package dev.tapes.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders JMH scores as Markdown: one table per operation, every implementation's figures on
 * 1 and 2 threads side by side with its ratio to Tapes from the same run, then the issue's
 * goals as ratios.
 */
final class JmhTable {

  private static final String PACKAGE = "dev.tapes.benchmarks.";

  private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();
  private static final Map<String, String> IMPLEMENTATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put("TimerUpdateBenchmark", "Timer update, precomputed duration");
    OPERATIONS.put("DisjointTimerUpdateBenchmark",
        "Diagnostic: timer update, each thread's durations 10 octaves apart");
    OPERATIONS.put("TimedBlockBenchmark", "Timed block: two clock reads + update");
    OPERATIONS.put("HistogramUpdateBenchmark", "Histogram update");
    OPERATIONS.put("MeterMarkBenchmark", "Meter mark");
    OPERATIONS.put("CounterIncrementBenchmark", "Counter increment");
    OPERATIONS.put("ClockBenchmark", "Clock read");
    OPERATIONS.put("DistributedTimerUpdateBenchmark",
        "Timer update: plain Registry vs connected DistributedRegistry (proxy)");
    IMPLEMENTATIONS.put("tapes", "Tapes (default sliding-window sketch)");
    IMPLEMENTATIONS.put("tapesDecaying", "Tapes, Reservoir.exponentiallyDecaying()");
    IMPLEMENTATIONS.put("tapesDistributed", "Tapes, DistributedRegistry shipping to an aggregator");
    IMPLEMENTATIONS.put("dropwizard", "Dropwizard Metrics (default reservoir)");
    IMPLEMENTATIONS.put("micrometer", "Micrometer, SimpleMeterRegistry");
    IMPLEMENTATIONS.put("micrometerPercentiles", "Micrometer, publishPercentiles(.5,.99,.999)");
    IMPLEMENTATIONS.put("prometheusClassic", "Prometheus classic histogram");
    IMPLEMENTATIONS.put("prometheusNative", "Prometheus native histogram");
    IMPLEMENTATIONS.put("prometheusSummary", "Prometheus summary with quantiles");
    IMPLEMENTATIONS.put("prometheus", "Prometheus counter");
    IMPLEMENTATIONS.put("hdrHistogram", "HdrHistogram Recorder (floor)");
    IMPLEMENTATIONS.put("ddSketch", "DDSketch under a lock");
    IMPLEMENTATIONS.put("systemNanoTime", "System.nanoTime()");
  }

  private JmhTable() {}

  /** {@code scores}: thread count to benchmark name to score. */
  static String toMarkdown(Map<Integer, Map<String, RunAll.Score>> scores) {
    List<Integer> threads = new ArrayList<>(scores.keySet());
    StringBuilder out = new StringBuilder();
    out.append("JMH, ns per operation per thread, all threads on one shared metric: median of the "
        + "measurement iterations [lowest–highest]; \"Tapes ÷ it\" (of medians) below 1 means "
        + "Tapes is faster. JMH's own mean ± 99.9 % error follows the tables.\n\n");
    for (Map.Entry<String, String> operation : OPERATIONS.entrySet()) {
      List<String> methods = methods(scores, operation.getKey());
      if (methods.isEmpty()) {
        continue;
      }
      out.append("**").append(operation.getValue()).append("** (`")
          .append(operation.getKey()).append("`)\n\n| implementation");
      for (int count : threads) {
        out.append(" | ").append(count).append(count == 1 ? " thread" : " threads")
            .append(" | Tapes ÷ it");
      }
      out.append(" |\n|---");
      out.append("|---:|---:".repeat(threads.size())).append("|\n");
      for (String method : methods) {
        out.append("| ").append(IMPLEMENTATIONS.getOrDefault(method, method));
        for (int count : threads) {
          Map<String, RunAll.Score> byName = scores.get(count);
          RunAll.Score score = byName.get(PACKAGE + operation.getKey() + "." + method);
          RunAll.Score tapes = byName.get(PACKAGE + operation.getKey() + ".tapes");
          out.append(" | ").append(score == null ? "" : format(score));
          out.append(" | ").append(score == null || tapes == null ? ""
              : String.format(Locale.ROOT, "%.2f", tapes.median() / score.median()));
        }
        out.append(" |\n");
      }
      out.append('\n');
    }
    out.append(goals(scores)).append('\n');
    out.append(jmhMeans(scores));
    return out.toString();
  }

  /** The speed goals, as ratios of this run. */
  private static String goals(Map<Integer, Map<String, RunAll.Score>> scores) {
    StringBuilder out = new StringBuilder("Speed goals (ratios of this run)\n\n"
        + "| goal | threads | Tapes | against | ratio | met |\n|---|---:|---:|---:|---:|---|\n");
    String timer = PACKAGE + "TimerUpdateBenchmark.";
    String distributed = PACKAGE + "DistributedTimerUpdateBenchmark.";
    for (Map.Entry<Integer, Map<String, RunAll.Score>> entry : scores.entrySet()) {
      goal(out, "timer update ≤ Prometheus classic histogram observe", entry.getKey(),
          entry.getValue().get(timer + "tapes"), entry.getValue().get(timer + "prometheusClassic"),
          1.0);
      goal(out, "timer update ≤ 1/8 of Dropwizard timer", entry.getKey(),
          entry.getValue().get(timer + "tapes"), entry.getValue().get(timer + "dropwizard"),
          0.125);
      goal(out, "DistributedRegistry timer update ≤ 1.05 × plain Registry's", entry.getKey(),
          entry.getValue().get(distributed + "tapesDistributed"),
          entry.getValue().get(distributed + "tapes"), 1.05);
    }
    return out.toString();
  }

  private static void goal(StringBuilder out, String goal, int threads, RunAll.Score tapes,
      RunAll.Score peer, double bound) {
    if (tapes == null || peer == null) {
      return;
    }
    double ratio = tapes.median() / peer.median();
    out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %s |%n", goal,
        threads, tapes.median(), peer.median(), ratio, ratio <= bound ? "yes"
            : String.format(Locale.ROOT, "no: %.2f× the bound", ratio / bound)));
  }

  /** The methods of {@code operation} that ran, in the order of {@link #IMPLEMENTATIONS}. */
  private static List<String> methods(Map<Integer, Map<String, RunAll.Score>> scores,
      String operation) {
    TreeSet<String> found = new TreeSet<>();
    String prefix = PACKAGE + operation + ".";
    for (Map<String, RunAll.Score> byName : scores.values()) {
      for (String name : byName.keySet()) {
        if (name.startsWith(prefix)) {
          found.add(name.substring(prefix.length()));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String known : IMPLEMENTATIONS.keySet()) {
      if (found.remove(known)) {
        ordered.add(known);
      }
    }
    ordered.addAll(found);
    return ordered;
  }

  /** JMH's mean ± error of every benchmark, one row per benchmark, a column per threads. */
  private static String jmhMeans(Map<Integer, Map<String, RunAll.Score>> scores) {
    StringBuilder out = new StringBuilder("JMH's mean ± 99.9 % error, ns/op per thread\n\n"
        + "| benchmark");
    TreeSet<String> names = new TreeSet<>();
    for (Map.Entry<Integer, Map<String, RunAll.Score>> entry : scores.entrySet()) {
      out.append(" | ").append(entry.getKey()).append(entry.getKey() == 1 ? " thread" : " threads");
      names.addAll(entry.getValue().keySet());
    }
    out.append(" |\n|---").append("|---:".repeat(scores.size())).append("|\n");
    for (String name : names) {
      out.append("| ").append(name.substring(PACKAGE.length()));
      for (Map<String, RunAll.Score> byName : scores.values()) {
        RunAll.Score score = byName.get(name);
        out.append(" | ").append(score == null ? "" : Double.isNaN(score.error())
            ? String.format(Locale.ROOT, "%.1f", score.nanos())
            : String.format(Locale.ROOT, "%.1f ± %.1f", score.nanos(), score.error()));
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private static String format(RunAll.Score score) {
    return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", score.median(), score.min(),
        score.max());
  }
}
