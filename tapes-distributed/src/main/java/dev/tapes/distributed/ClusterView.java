package dev.tapes.distributed;


import dev.tapes.DistributionSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.MetricType;
import dev.tapes.Rates;
import dev.tapes.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The merge rules: one snapshot per metric name out of every process's newest state and the
 * retired totals (see {@link ClusterState} for what each kind of metric becomes). A pure
 * function of its inputs, which {@link ClusterState} passes under its lock.
 */
final class ClusterView {

  private final Collection<ProcessState> processes;
  private final Map<String, Totals> retired;
  private final long nowNanos;
  private final long silenceNanos;

  private ClusterView(Collection<ProcessState> processes, Map<String, Totals> retired,
      long nowNanos, long silenceNanos) {
    this.processes = processes;
    this.retired = retired;
    this.nowNanos = nowNanos;
    this.silenceNanos = silenceNanos;
  }

  /**
   * Every merged metric, sorted by name: one per known name, plus per-process gauges.
   *
   * @param processes in a stable order, so windows merge alike on every view (samples merge
   *     inexactly)
   */
  static List<MetricSnapshot> of(Collection<ProcessState> processes,
      Map<String, Totals> retired, SortedMap<String, MergeKind> kinds, long nowNanos,
      long silenceNanos) {
    return new ClusterView(processes, retired, nowNanos, silenceNanos).build(kinds);
  }

  private List<MetricSnapshot> build(SortedMap<String, MergeKind> kinds) {
    List<MetricSnapshot> view = new ArrayList<>(kinds.size());
    Map<Long, String> labels = processLabels();
    for (Map.Entry<String, MergeKind> named : kinds.entrySet()) {
      String name = named.getKey();
      MergeKind kind = named.getValue();
      MetricSnapshot merged = kind.type() == MetricType.GAUGE ? gauge(name, labels, view)
          : totals(name, kind);
      if (merged != null) {
        view.add(merged);
      }
    }
    view.sort(Comparator.comparing(MetricSnapshot::name));
    return view;
  }

  private MetricSnapshot totals(String name, MergeKind kind) {
    Totals totals = retired.getOrDefault(name, Totals.zero(kind));
    double mean = 0;
    double m1 = 0;
    double m5 = 0;
    double m15 = 0;
    Snapshot window = kind.hasWindow() ? kind.emptyWindow() : null;
    for (ProcessState process : processes) {
      ProcessState.Entry entry = process.metrics.get(name);
      if (entry == null) {
        continue;
      }
      MetricSnapshot metric = entry.metric();
      totals = totals.plus(Totals.of(metric));
      Rates rates = Totals.ratesOf(metric);
      if (rates != null && process.isLive(nowNanos, silenceNanos)) {
        mean += rates.meanRate();
        m1 += rates.oneMinuteRate();
        m5 += rates.fiveMinuteRate();
        m15 += rates.fifteenMinuteRate();
      }
      if (window != null && process.isRecent(nowNanos, silenceNanos)) {
        window = window.merge(((DistributionSnapshot) metric).window());
      }
    }
    return totals.toSnapshot(name, new Rates(mean, m1, m5, m15), window);
  }

  /** The sum of live values under the gauge's name; each live value added to {@code out}. */
  private MetricSnapshot gauge(String name, Map<Long, String> labels, List<MetricSnapshot> out) {
    double total = 0;
    int live = 0;
    int numbers = 0;
    for (ProcessState process : processes) {
      ProcessState.Entry entry = process.metrics.get(name);
      if (entry == null || !process.isLive(nowNanos, silenceNanos)) {
        continue;
      }
      double value = ((GaugeSnapshot) entry.metric()).value();
      live++;
      out.add(new GaugeSnapshot(
          NameTree.PROCESS_BRANCH + "." + labels.get(process.id) + "." + name, value));
      if (!Double.isNaN(value)) {
        total += value;
        numbers++;
      }
    }
    if (live == 0) {
      return null;
    }
    return new GaugeSnapshot(name, numbers == 0 ? Double.NaN : total);
  }

  /**
   * Names for live processes as a single metric-name segment: the process name with dots and
   * blanks replaced; where two live processes share one, each gets its instance id appended.
   */
  private Map<Long, String> processLabels() {
    Map<String, List<ProcessState>> byLabel = new HashMap<>();
    for (ProcessState process : processes) {
      if (process.isLive(nowNanos, silenceNanos)) {
        byLabel.computeIfAbsent(segment(process.process), k -> new ArrayList<>()).add(process);
      }
    }
    Map<Long, String> labels = new HashMap<>();
    byLabel.forEach((label, sharing) -> {
      for (ProcessState process : sharing) {
        labels.put(process.id, sharing.size() == 1 ? label
            : label + "-" + String.format("%016x", process.id));
      }
    });
    return labels;
  }

  static String segment(String process) {
    StringBuilder out = new StringBuilder(process.length());
    for (int i = 0; i < process.length(); i++) {
      char c = process.charAt(i);
      out.append(c == '.' || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
    }
    return out.length() == 0 ? "process" : out.toString();
  }
}
