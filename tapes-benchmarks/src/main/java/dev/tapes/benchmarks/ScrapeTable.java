package dev.tapes.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Renders {@link ScrapeBenchmark} as Markdown: milliseconds per scrape of every library and
 * format side by side, the bytes each scrape writes, the ratio to Prometheus client_java's
 * classic-histogram text (the reference), then the scrape goals.
 */
final class ScrapeTable {

  private static final String PREFIX = ScrapeBenchmark.class.getName() + ".";
  private static final String REFERENCE = "prometheusClassicText";
  private static final Map<String, String> IMPLEMENTATIONS = new LinkedHashMap<>();

  static {
    IMPLEMENTATIONS.put("tapesPrometheusText", "Tapes, PrometheusTextFormat (snapshot included)");
    IMPLEMENTATIONS.put("tapesOpenMetrics", "Tapes, OpenMetricsFormat (snapshot included)");
    IMPLEMENTATIONS.put("tapesJson", "Tapes, JsonFormat (snapshot included)");
    IMPLEMENTATIONS.put("tapesSnapshot", "Diagnostic: Tapes `registry.snapshot()` alone");
    IMPLEMENTATIONS.put(REFERENCE, "Prometheus client_java, classic histograms, text");
    IMPLEMENTATIONS.put("prometheusSummaryText", "Prometheus client_java, summaries, text");
    IMPLEMENTATIONS.put("micrometerText", "Micrometer PrometheusMeterRegistry, text");
    IMPLEMENTATIONS.put("micrometerHistogramText",
        "Micrometer PrometheusMeterRegistry, publishPercentileHistogram(), text");
    IMPLEMENTATIONS.put("dropwizardJson", "Dropwizard metrics-json (as MetricsServlet)");
  }

  private ScrapeTable() {}

  /** {@code scores}: benchmark name to score in ms; {@code bytes}: method name to size. */
  static String toMarkdown(Map<String, RunAll.Score> scores, Map<String, Long> bytes) {
    if (scores.isEmpty()) {
      return "";
    }
    RunAll.Score reference = scores.get(PREFIX + REFERENCE);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "**Scrape of %,d timers with %,d recordings each** "
        + "(`ScrapeBenchmark`, 1 thread): ms per scrape into a memory buffer, median of the "
        + "measurement iterations [lowest–highest]; \"÷ Prometheus classic\" below 1 means "
        + "faster than client_java's classic-histogram text%n%n", ScrapeData.TIMERS,
        ScrapeData.RECORDINGS));
    out.append("| implementation | ms per scrape | bytes | ÷ Prometheus classic |\n"
        + "|---|---:|---:|---:|\n");
    for (Map.Entry<String, String> implementation : IMPLEMENTATIONS.entrySet()) {
      RunAll.Score score = scores.get(PREFIX + implementation.getKey());
      if (score == null) {
        continue;
      }
      Long size = bytes.get(implementation.getKey());
      out.append(String.format(Locale.ROOT, "| %s | %.2f [%.2f–%.2f] | %s | %s |%n",
          implementation.getValue(), score.median(), score.min(), score.max(),
          size == null || size < 0 ? "" : String.format(Locale.ROOT, "%,d", size),
          reference == null ? "" : String.format(Locale.ROOT, "%.2f",
              score.median() / reference.median())));
    }
    out.append("\nScrape goals (ratios of this run)\n\n"
        + "| goal | Tapes ms | peer ms | ratio | met |\n|---|---:|---:|---:|---|\n");
    goal(out, "Prometheus text (PrometheusTextFormat) ≤ client_java classic text",
        scores.get(PREFIX + "tapesPrometheusText"), reference);
    goal(out, "JSON (JsonFormat) ≤ client_java classic text", scores.get(PREFIX + "tapesJson"),
        reference);
    return out.toString();
  }

  private static void goal(StringBuilder out, String goal, RunAll.Score tapes,
      RunAll.Score peer) {
    if (tapes == null || peer == null) {
      return;
    }
    double ratio = tapes.median() / peer.median();
    out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", goal,
        tapes.median(), peer.median(), ratio, ratio <= 1 ? "yes"
            : String.format(Locale.ROOT, "no: %.2f× the bound", ratio)));
  }

  /**
   * Runs every scrape once, outside JMH, and returns the bytes each wrote (its return value; -1
   * for a method that returns none): what each format says about the same timers.
   */
  static Map<String, Long> bytesPerScrape() {
    Map<Class<?>, Object> states = new HashMap<>();
    Map<String, Long> bytes = new TreeMap<>();
    ScrapeBenchmark benchmark = new ScrapeBenchmark();
    try {
      for (Method method : ScrapeBenchmark.class.getDeclaredMethods()) {
        if (!method.isAnnotationPresent(Benchmark.class)) {
          continue;
        }
        Class<?> type = method.getParameterTypes()[0];
        Object state = states.get(type);
        if (state == null) {
          state = type.getConstructor().newInstance();
          for (Method setUp : type.getMethods()) {
            if (setUp.isAnnotationPresent(Setup.class)) {
              setUp.invoke(state);
            }
          }
          states.put(type, state);
        }
        Object written = method.invoke(benchmark, state);
        bytes.put(method.getName(), written instanceof Integer size ? size.longValue() : -1L);
      }
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException("a scrape failed outside JMH: " + cause, cause);
    }
    return bytes;
  }
}
