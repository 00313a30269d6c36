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

  /** The quantiles of summaries, as label values, and the quantiles they stand for. */
  private static final String[] QUANTILE_LABELS = {"0.5", "0.75", "0.95", "0.98", "0.99",
      "0.999"};
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  private static final double NANOS_PER_SECOND = 1e9;

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
      if (metric instanceof TimerSnapshot timer) {
        header(out, family, "", "summary", "Timer ", timer.name(),
            ": durations in seconds; quantiles over the recent window", "seconds", openMetrics);
        summary(out, family, timer.window(), NANOS_PER_SECOND, timer.count(),
            timer.sumNanos() / NANOS_PER_SECOND, openMetrics);
      } else if (metric instanceof MeterSnapshot meter) {
        counter(out, family, meter, openMetrics);
      } else if (metric instanceof HistogramSnapshot histogram) {
        header(out, family, "", "summary", "Histogram ", histogram.name(),
            ": quantiles over the recent window", null, openMetrics);
        summary(out, family, histogram.window(), 1.0, histogram.count(), histogram.sum(),
            openMetrics);
      } else if (metric instanceof CounterSnapshot counter) {
        header(out, family, "", "gauge", "Counter ", counter.name(), "", null, openMetrics);
        out.append(family).append(' ').append(counter.count()).append('\n');
      } else if (metric instanceof GaugeSnapshot gauge) {
        header(out, family, "", "gauge", "Gauge ", gauge.name(), "", null, openMetrics);
        out.append(family).append(' ');
        Numbers.appendPrometheus(out, gauge.value());
        out.append('\n');
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
    header(out, family, openMetrics ? "" : "_total", "counter", "Meter ", meter.name(),
        ": events", null, openMetrics);
    out.append(family).append("_total ").append(meter.count()).append('\n');
    Rates rates = meter.rates();
    rate(out, family, "_m1_rate", ": one-minute rate, events per second",
        rates.oneMinuteRate(), meter.name(), openMetrics);
    rate(out, family, "_m5_rate", ": five-minute rate, events per second",
        rates.fiveMinuteRate(), meter.name(), openMetrics);
    rate(out, family, "_m15_rate", ": fifteen-minute rate, events per second",
        rates.fifteenMinuteRate(), meter.name(), openMetrics);
  }

  private static void rate(StringBuilder out, String family, String suffix, String help,
      double value, String name, boolean openMetrics) {
    header(out, family, suffix, "gauge", "Meter ", name, help, null, openMetrics);
    out.append(family).append(suffix).append(' ');
    Numbers.appendPrometheus(out, value);
    out.append('\n');
  }

  private static void summary(StringBuilder out, String family, Snapshot window, double unit,
      long count, double sum, boolean openMetrics) {
    for (int q = 0; q < QUANTILES.length; q++) {
      out.append(family).append("{quantile=\"").append(QUANTILE_LABELS[q]).append("\"} ");
      Numbers.appendPrometheus(out, window.getQuantile(QUANTILES[q]) / unit);
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
   * followed by {@code suffix}; the help is the metric's kind and dotted name, then
   * {@code help}.
   */
  private static void header(StringBuilder out, String family, String suffix, String type,
      String kind, String name, String help, String unit, boolean openMetrics) {
    if (openMetrics) {
      // TYPE first by convention; UNIT only where the family name ends in the unit.
      out.append("# TYPE ").append(family).append(suffix).append(' ').append(type).append('\n');
      if (unit != null) {
        out.append("# UNIT ").append(family).append(suffix).append(' ').append(unit)
            .append('\n');
      }
    }
    out.append("# HELP ").append(family).append(suffix).append(' ').append(kind);
    Escaping.appendHelp(out, name, openMetrics);
    out.append(help).append('\n');
    if (!openMetrics) {
      out.append("# TYPE ").append(family).append(suffix).append(' ').append(type).append('\n');
    }
  }
}
