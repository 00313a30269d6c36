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
import java.util.List;

/**
 * Writes Prometheus text 0.0.4 or OpenMetrics 1.0 text; the two differ only in a few lines,
 * so one writer serves both (see {@link PrometheusTextFormat} for the mapping).
 */
final class PrometheusWriter {

  private PrometheusWriter() {}

  static void write(RegistrySnapshot snapshot, Sink sink, boolean openMetrics)
      throws IOException {
    List<MetricSnapshot> metrics = snapshot.metrics();
    String[] families = PrometheusNames.families(snapshot);
    StringBuilder out = sink.text;
    for (int i = 0; i < families.length; i++) {
      String family = families[i];
      if (family == null) {
        continue; // collides with an earlier metric; PrometheusNames warned
      }
      MetricSnapshot metric = metrics.get(i);
      switch (metric.type()) {
        case TIMER -> {
          TimerSnapshot timer = (TimerSnapshot) metric;
          header(out, family, "", "summary", timer,
              ": durations in seconds; quantiles over the recent window", "seconds", openMetrics);
          summary(out, family, timer.window(), StatsLeaf.NANOS_PER_SECOND, timer.count(),
              timer.sumNanos() / StatsLeaf.NANOS_PER_SECOND, openMetrics);
        }
        case METER -> counter(out, family, (MeterSnapshot) metric, openMetrics);
        case HISTOGRAM -> {
          HistogramSnapshot histogram = (HistogramSnapshot) metric;
          header(out, family, "", "summary", histogram, ": quantiles over the recent window",
              null, openMetrics);
          summary(out, family, histogram.window(), 1.0, histogram.count(), histogram.sum(),
              openMetrics);
        }
        case COUNTER -> {
          header(out, family, "", "gauge", metric, "", null, openMetrics);
          out.append(family).append(' ').append(((CounterSnapshot) metric).count()).append('\n');
        }
        case GAUGE -> {
          header(out, family, "", "gauge", metric, "", null, openMetrics);
          out.append(family).append(' ');
          Numbers.appendPrometheus(out, ((GaugeSnapshot) metric).value());
          out.append('\n');
        }
      }
      sink.endLine();
    }
    if (openMetrics) {
      out.append("# EOF\n");
    }
    sink.finish();
  }

  /**
   * A meter: its count as a counter (OpenMetrics names the family without {@code _total} and
   * the sample with it; Prometheus text names both with it), its rates as three gauges.
   */
  private static void counter(StringBuilder out, String family, MeterSnapshot meter,
      boolean openMetrics) {
    header(out, family, openMetrics ? "" : "_total", "counter", meter, ": events", null,
        openMetrics);
    out.append(family).append("_total ").append(meter.count()).append('\n');
    Rates rates = meter.rates();
    rate(out, family, "_m1_rate", ": one-minute rate, events per second",
        rates.oneMinuteRate(), meter, openMetrics);
    rate(out, family, "_m5_rate", ": five-minute rate, events per second",
        rates.fiveMinuteRate(), meter, openMetrics);
    rate(out, family, "_m15_rate", ": fifteen-minute rate, events per second",
        rates.fifteenMinuteRate(), meter, openMetrics);
  }

  private static void rate(StringBuilder out, String family, String suffix, String help,
      double value, MeterSnapshot meter, boolean openMetrics) {
    header(out, family, suffix, "gauge", meter, help, null, openMetrics);
    out.append(family).append(suffix).append(' ');
    Numbers.appendPrometheus(out, value);
    out.append('\n');
  }

  private static void summary(StringBuilder out, String family, Snapshot window, double unit,
      long count, double sum, boolean openMetrics) {
    for (int q = 0; q < StatsLeaf.QUANTILES.length; q++) {
      out.append(family).append("{quantile=\"").append(StatsLeaf.QUANTILE_LABELS[q])
          .append("\"} ");
      Numbers.appendPrometheus(out, window.getQuantile(StatsLeaf.QUANTILES[q]) / unit);
      out.append('\n');
    }
    // OpenMetrics makes a summary's sum a counter, never negative; it is optional, so a
    // histogram of negative values leaves it out there rather than break the format.
    if (!openMetrics || sum >= 0) {
      out.append(family).append("_sum ");
      Numbers.appendPrometheus(out, sum);
      out.append('\n');
    }
    out.append(family).append("_count ").append(count).append('\n');
  }

  /**
   * The {@code # HELP}, {@code # TYPE} (and {@code # UNIT}) lines of the family {@code family}
   * followed by {@code suffix}; the help is the metric's type and dotted name, then
   * {@code help}.
   */
  private static void header(StringBuilder out, String family, String suffix, String type,
      MetricSnapshot metric, String help, String unit, boolean openMetrics) {
    if (openMetrics) {
      // TYPE first by convention; UNIT only where the family name ends in the unit.
      out.append("# TYPE ").append(family).append(suffix).append(' ').append(type).append('\n');
      if (unit != null) {
        out.append("# UNIT ").append(family).append(suffix).append(' ').append(unit)
            .append('\n');
      }
    }
    out.append("# HELP ").append(family).append(suffix).append(' ')
        .append(metric.type().displayName()).append(' ');
    Escaping.appendHelp(out, metric.name(), openMetrics);
    out.append(help).append('\n');
    if (!openMetrics) {
      out.append("# TYPE ").append(family).append(suffix).append(' ').append(type).append('\n');
    }
  }
}
