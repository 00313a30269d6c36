package dev.tapes.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the results of the JAX-RS overhead stage ({@code jaxrs.sh}) as Markdown: each
 * server's median requests/s over the rounds, its ratio to the uninstrumented server, the
 * issue's goal, and a check that the instrumented servers timed every request {@code wrk} made.
 *
 * <p>The results file holds one tab-separated line per {@code wrk} run ({@code round, server,
 * requests/s, requests, mean latency}, the round {@code warm-up} for the warm-up runs) and
 * comment lines starting with {@code #}: {@code # name<TAB>value} settings and {@code #
 * timed<TAB>server<TAB>count} per server.
 */
final class JaxrsReport {

  private static final Map<String, String> SERVERS = new LinkedHashMap<>();

  static {
    SERVERS.put("plain", "Uninstrumented");
    SERVERS.put("tapes", "TapesFeature (tapes-jaxrs)");
    SERVERS.put("dropwizard", "Dropwizard metrics-jersey3, @Timed @ResponseMetered "
        + "@ExceptionMetered");
    SERVERS.put("tapes-timing", "Diagnostic: ResourceTimingFeature alone");
    SERVERS.put("tapes-unmatched", "Diagnostic: UnmatchedRequestFilter alone");
  }

  /** The goal of issue 8: TapesFeature keeps at least this share of the throughput. */
  static final double GOAL = 0.97;

  /** One measured {@code wrk} run. */
  record Run(String round, String server, double requestsPerSecond, long requests,
      double latencyMillis) {}

  private JaxrsReport() {}

  static String toMarkdown(Path results) {
    List<String> lines;
    try {
      lines = Files.readAllLines(results);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JAX-RS results " + results, e);
    }
    return toMarkdown(lines);
  }

  static String toMarkdown(List<String> lines) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, Long> timed = new LinkedHashMap<>();
    List<Run> runs = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split("\t");
      if (line.startsWith("# timed")) {
        timed.put(fields[1], fields.length > 2 && !fields[2].isEmpty()
            ? Long.parseLong(fields[2]) : null);
      } else if (line.startsWith("# round")) {
        continue;
      } else if (line.startsWith("#")) {
        settings.put(fields[0].substring(1).trim(), fields.length > 1 ? fields[1] : "");
      } else if (!line.isBlank()) {
        runs.add(new Run(fields[0], fields[1], Double.parseDouble(fields[2]),
            Long.parseLong(fields[3]), millis(fields[4])));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("JAX-RS overhead: requests/s of `GET /hello` (Jersey on Grizzly, each server in a "
        + "JVM of its own), ").append(settings.getOrDefault("wrk", "wrk")).append(", ")
        .append(settings.getOrDefault("settings", "")).append("; server JVM options `")
        .append(settings.getOrDefault("server JVM options", "")).append("`. Median of the "
            + "rounds [lowest–highest]; the ratio is of medians.\n\n");
    out.append("| server | requests/s | ÷ uninstrumented | mean latency | each round |\n"
        + "|---|---:|---:|---:|---|\n");
    double plain = median(measured(runs, "plain"), Run::requestsPerSecond);
    for (Map.Entry<String, String> server : SERVERS.entrySet()) {
      List<Run> measured = measured(runs, server.getKey());
      if (measured.isEmpty()) {
        continue;
      }
      double median = median(measured, Run::requestsPerSecond);
      List<String> each = new ArrayList<>();
      for (Run run : measured) {
        each.add(String.format(Locale.ROOT, "%,.0f", run.requestsPerSecond()));
      }
      out.append(String.format(Locale.ROOT, "| %s | %,.0f [%,.0f–%,.0f] | %.3f | %.2f ms | %s |%n",
          server.getValue(), median, min(measured), max(measured), median / plain,
          median(measured, Run::latencyMillis), String.join(" · ", each)));
    }
    out.append('\n');
    List<Run> tapes = measured(runs, "tapes");
    if (!tapes.isEmpty() && !Double.isNaN(plain)) {
      double ratio = median(tapes, Run::requestsPerSecond) / plain;
      List<Double> paired = perRound(runs, "tapes");
      List<String> each = new ArrayList<>();
      for (double value : paired) {
        each.add(String.format(Locale.ROOT, "%.1f %%", 100 * value));
      }
      out.append(String.format(Locale.ROOT, "Goal: TapesFeature ≥ %.0f %% of the "
              + "uninstrumented throughput (ratio of medians): **%.1f %%**, %s. Each round's "
              + "ratio to the uninstrumented server of the same round: %s; their median "
              + "%.1f %%.%n%n",
          100 * GOAL, 100 * ratio, ratio >= GOAL ? "met"
              : String.format(Locale.ROOT, "not met (%.1f points short)", 100 * (GOAL - ratio)),
          String.join(", ", each), 100 * median(paired)));
    }
    out.append(timedCheck(runs, timed));
    return out.toString();
  }

  /**
   * Each round's ratio of {@code server} to the uninstrumented server of the same round: runs a
   * few seconds apart, so a slow drift of the machine's load cancels out.
   */
  private static List<Double> perRound(List<Run> runs, String server) {
    List<Double> ratios = new ArrayList<>();
    for (Run run : measured(runs, server)) {
      for (Run plain : measured(runs, "plain")) {
        if (plain.round().equals(run.round())) {
          ratios.add(run.requestsPerSecond() / plain.requestsPerSecond());
        }
      }
    }
    return ratios;
  }

  /**
   * The instrumented servers must have timed at least every request {@code wrk} completed
   * (warm-up included); a few more is normal: requests in flight when {@code wrk} stops.
   */
  private static String timedCheck(List<Run> runs, Map<String, Long> timed) {
    StringBuilder out = new StringBuilder("Requests timed by the instrumentation against "
        + "requests `wrk` completed (warm-up included): ");
    List<String> checks = new ArrayList<>();
    for (String server : List.of("tapes", "dropwizard", "tapes-timing")) {
      if (runs.stream().noneMatch(run -> run.server().equals(server))) {
        continue;
      }
      long completed = runs.stream().filter(run -> run.server().equals(server))
          .mapToLong(Run::requests).sum();
      Long count = timed.get(server);
      checks.add(String.format(Locale.ROOT, "%s %s of %,d%s", server,
          count == null ? "unknown" : String.format(Locale.ROOT, "%,d", count), completed,
          count != null && count >= completed ? "" : " **(fewer: the figures are suspect)**"));
    }
    return out.append(String.join("; ", checks)).append(".\n").toString();
  }

  private static List<Run> measured(List<Run> runs, String server) {
    return runs.stream()
        .filter(run -> run.server().equals(server) && !run.round().equals("warm-up"))
        .toList();
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
    return median(runs.stream().mapToDouble(value).boxed().toList());
  }

  private static double median(List<Double> unsorted) {
    double[] values = unsorted.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static double min(List<Run> runs) {
    return runs.stream().mapToDouble(Run::requestsPerSecond).min().orElse(Double.NaN);
  }

  private static double max(List<Run> runs) {
    return runs.stream().mapToDouble(Run::requestsPerSecond).max().orElse(Double.NaN);
  }

  /** wrk's latency, such as {@code 754.85us}, {@code 0.95ms} or {@code 1.02s}, in ms. */
  static double millis(String latency) {
    if (latency.endsWith("us")) {
      return Double.parseDouble(latency.substring(0, latency.length() - 2)) / 1_000;
    } else if (latency.endsWith("ms")) {
      return Double.parseDouble(latency.substring(0, latency.length() - 2));
    } else if (latency.endsWith("m")) {
      return Double.parseDouble(latency.substring(0, latency.length() - 1)) * 60_000;
    } else if (latency.endsWith("s")) {
      return Double.parseDouble(latency.substring(0, latency.length() - 1)) * 1_000;
    }
    throw new IllegalArgumentException("not a wrk latency: " + latency);
  }

  public static void main(String[] args) {
    System.out.println(toMarkdown(Path.of(args[0])));
  }
}
