package dev.tapes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the seed's {@code get_stats()} tree from a snapshot: maps nested on the dots of the
 * names, each metric a leaf map with the seed's keys. Durations are in seconds; an empty
 * window's statistics are {@code NaN}.
 */
final class StatsTree {

  /** Quantile keys of histograms and timers, with the quantile each reports. */
  private static final String[] QUANTILE_KEYS = {"q50", "q75", "q95", "q98", "q99", "q999"};
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  private static final double NANOS_PER_SECOND = 1e9;

  private StatsTree() {}

  static Map<String, Object> of(RegistrySnapshot snapshot) {
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
    if (metric instanceof CounterSnapshot counter) {
      values.put("value", counter.count());
    } else if (metric instanceof GaugeSnapshot gauge) {
      values.put("value", gauge.value());
    } else if (metric instanceof MeterSnapshot meter) {
      values.put("count", meter.count());
      putRates(values, meter.rates());
    } else if (metric instanceof HistogramSnapshot histogram) {
      values.put("count", histogram.count());
      putDistribution(values, histogram.window(), 1.0);
    } else if (metric instanceof TimerSnapshot timer) {
      values.put("count", timer.count());
      putRates(values, timer.rates());
      putDistribution(values, timer.window(), NANOS_PER_SECOND);
    }
    return values;
  }

  private static void putRates(Map<String, Object> values, Rates rates) {
    values.put("m1", rates.oneMinuteRate());
    values.put("m5", rates.fiveMinuteRate());
    values.put("m15", rates.fifteenMinuteRate());
  }

  private static void putDistribution(Map<String, Object> values, Snapshot window, double unit) {
    values.put("min", window.getMin() / unit);
    values.put("max", window.getMax() / unit);
    values.put("mean", window.getMean() / unit);
    values.put("stddev", window.getStdDev() / unit);
    for (int i = 0; i < QUANTILES.length; i++) {
      values.put(QUANTILE_KEYS[i], window.getQuantile(QUANTILES[i]) / unit);
    }
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
