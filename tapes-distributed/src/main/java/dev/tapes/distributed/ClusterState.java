package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregator's memory: the newest state of every (proxy instance, metric), and the merged
 * view made from it.
 *
 * <p><b>Why totals are exact.</b> Proxies ship cumulative state, so a message replaces, never
 * adds to, what came before from the same instance. A metric's entry is replaced only by a
 * message with a higher sequence number: a lost message is superseded by the next one, a
 * repeated or late one changes nothing. A restarted process is a new instance; the old one's
 * last counts stay in the totals. Instances that closed (after the silence timeout, so their
 * recent windows still count) or stayed silent past {@code retireAfter} are <i>folded</i>:
 * their counts are added to per-name retired totals and only a tombstone with their last
 * sequence number remains, so memory stays bounded and a straggling message is still refused.
 *
 * <p><b>The merged view</b>, per name:
 *
 * <ul>
 *   <li>counter, meter count, histogram and timer count and sum: the retired total plus every
 *       instance's newest value, live or not, so a cluster count never goes backwards;
 *   <li>histogram and timer windows: the exact merge of the windows of instances heard from
 *       within the silence timeout (closed ones included: their recent values are real);
 *   <li>meter and timer rates: the sum of live instances' rates (EWMAs are linear, so the sum
 *       is the rate of the union of events, up to the processes' 5-second tick phases);
 *   <li>gauges: the sum of live instances' values under the gauge's own name ({@code NaN}
 *       values skipped), and each live instance's value under
 *       {@code tapes.process.<process>.<name>}; a gauge no live instance reports is left out.
 * </ul>
 *
 * <p>An instance is <i>live</i> once heard from (since start or restore), until it sends its
 * last message or stays silent past the timeout. Thread-safe: every method takes the lock;
 * messages are applied by the receive loop, views are taken by reporters.
 */
final class ClusterState {

  private final long silenceNanos;
  private final long retireAfterNanos;
  /** Sorted by id, so windows merge in the same order on every view (samples merge inexactly). */
  private final Map<Long, Instance> instances = new TreeMap<>();
  private final Map<Long, Tombstone> tombstones = new HashMap<>();
  private final Map<String, MetricSnapshot> retired = new HashMap<>();
  private final TreeMap<String, MetricKind> kinds = new TreeMap<>();
  private NameTree names = new NameTree();

  ClusterState(Duration silenceTimeout, Duration retireAfter) {
    this.silenceNanos = silenceTimeout.toNanos();
    this.retireAfterNanos = retireAfter.toNanos();
  }

  /** How a message was taken. */
  enum Status {
    /** The newest message of its instance so far. */
    ACCEPTED,
    /** Not newer than what the instance already sent: repeated or overtaken. */
    STALE,
    /** From an instance already folded away. */
    RETIRED
  }

  /**
   * What applying a message did.
   *
   * @param conflicts metrics refused because their name or type clashes with the cluster's
   * @param conflict a description of one of them, for the log, or null
   */
  record Outcome(Status status, int conflicts, String conflict) {}

  synchronized Outcome apply(StateMessage message, long nowNanos) {
    long id = message.instanceId();
    if (tombstones.containsKey(id)) {
      return new Outcome(Status.RETIRED, 0, null);
    }
    Instance instance = instances.computeIfAbsent(id, Instance::new);
    long sequence = message.sequence();
    int conflicts = 0;
    String conflict = null;
    for (MetricSnapshot metric : message.registry().metrics()) {
      String problem = admit(metric);
      if (problem != null) {
        conflicts++;
        conflict = problem;
        continue;
      }
      Entry entry = instance.metrics.get(metric.name());
      if (entry == null || entry.sequence < sequence) {
        instance.metrics.put(metric.name(), new Entry(sequence, metric));
      }
    }
    if (sequence <= instance.lastSequence) {
      return new Outcome(Status.STALE, conflicts, conflict);
    }
    instance.lastSequence = sequence;
    instance.process = message.process();
    instance.heard = true;
    instance.lastHeardNanos = nowNanos;
    instance.last |= message.last();
    return new Outcome(Status.ACCEPTED, conflicts, conflict);
  }

  /**
   * Folds instances that closed more than the silence timeout ago or have been silent past
   * {@code retireAfter}, and forgets tombstones older than {@code retireAfter}.
   *
   * @return whether anything changed
   */
  synchronized boolean housekeep(long nowNanos) {
    boolean changed = false;
    for (Iterator<Instance> it = instances.values().iterator(); it.hasNext(); ) {
      Instance instance = it.next();
      long silent = nowNanos - instance.lastHeardNanos;
      if ((instance.last && silent > silenceNanos) || silent > retireAfterNanos) {
        for (Entry entry : instance.metrics.values()) {
          MetricSnapshot counts = countsOnly(entry.metric);
          if (counts != null) {
            retired.merge(counts.name(), counts, ClusterState::sum);
          }
        }
        tombstones.put(instance.id, new Tombstone(instance.lastSequence, nowNanos));
        it.remove();
        changed = true;
      }
    }
    // A tombstone outlives any message its instance could still have in flight by far: 0MQ
    // delivers or drops within seconds, and a closed proxy sends nothing more.
    changed |= tombstones.values().removeIf(t -> nowNanos - t.sinceNanos > retireAfterNanos);
    return changed;
  }

  /** The merged view of every metric, sorted by name. */
  synchronized List<MetricSnapshot> view(long nowNanos) {
    List<MetricSnapshot> view = new ArrayList<>(kinds.size());
    Map<Long, String> labels = processLabels(nowNanos);
    for (Map.Entry<String, MetricKind> named : kinds.entrySet()) {
      String name = named.getKey();
      MetricKind kind = named.getValue();
      MetricSnapshot merged = kind == MetricKind.GAUGE
          ? gauge(name, nowNanos, labels, view)
          : merge(name, kind, nowNanos);
      if (merged != null) {
        view.add(merged);
      }
    }
    view.sort(Comparator.comparing(MetricSnapshot::name));
    return view;
  }

  /** Instances live now: heard from, not closed, not silent past the timeout. */
  synchronized int liveProcesses(long nowNanos) {
    int live = 0;
    for (Instance instance : instances.values()) {
      if (instance.isLive(nowNanos, silenceNanos)) {
        live++;
      }
    }
    return live;
  }

  /** Instances held one by one (not yet folded). */
  synchronized int knownProcesses() {
    return instances.size();
  }

  synchronized Checkpoint checkpoint() {
    List<Checkpoint.Process> processes = new ArrayList<>(instances.size());
    for (Instance instance : instances.values()) {
      List<Checkpoint.Entry> entries = new ArrayList<>(instance.metrics.size());
      for (Entry entry : instance.metrics.values()) {
        entries.add(new Checkpoint.Entry(entry.sequence, entry.metric));
      }
      processes.add(new Checkpoint.Process(instance.id, instance.process,
          instance.lastSequence, instance.last, entries));
    }
    Map<Long, Long> lastSequences = new HashMap<>();
    tombstones.forEach((id, tombstone) -> lastSequences.put(id, tombstone.lastSequence));
    return new Checkpoint(new ArrayList<>(retired.values()), lastSequences, processes);
  }

  /**
   * Replaces everything with a checkpoint. Restored instances count in totals at once but
   * are not live (no gauges, rates or windows) until they are heard from again, which a
   * running proxy is within one flush.
   *
   * @return how many metrics of the checkpoint were refused (their name or type clashed)
   */
  synchronized int restore(Checkpoint checkpoint, long nowNanos) {
    instances.clear();
    tombstones.clear();
    retired.clear();
    kinds.clear();
    names = new NameTree();
    int refused = 0;
    for (MetricSnapshot metric : checkpoint.retired()) {
      MetricSnapshot counts = countsOnly(metric);
      if (counts == null || admit(counts) != null) {
        refused++;
      } else {
        retired.merge(counts.name(), counts, ClusterState::sum);
      }
    }
    checkpoint.tombstones().forEach((id, sequence) ->
        tombstones.put(id, new Tombstone(sequence, nowNanos)));
    for (Checkpoint.Process process : checkpoint.processes()) {
      Instance instance = new Instance(process.instanceId());
      instance.process = process.name();
      instance.lastSequence = process.lastSequence();
      instance.last = process.last();
      instance.lastHeardNanos = nowNanos;
      for (Checkpoint.Entry entry : process.metrics()) {
        if (admit(entry.metric()) != null) {
          refused++;
        } else {
          instance.metrics.put(entry.metric().name(),
              new Entry(entry.sequence(), entry.metric()));
        }
      }
      instances.put(instance.id, instance);
    }
    return refused;
  }

  /** Registers a name's kind on first sight; why the metric is refused, or null. */
  private String admit(MetricSnapshot metric) {
    String name = metric.name();
    MetricKind kind = MetricKind.of(metric);
    MetricKind known = kinds.get(name);
    if (known == null) {
      String problem = names.problemWith(name);
      if (problem != null) {
        return "metric '" + WireCodec.printable(name) + "' refused: " + problem;
      }
      kinds.put(name, kind);
      names.add(name);
      return null;
    }
    return known == kind ? null : "metric '" + WireCodec.printable(name) + "' refused: it is a "
        + known.describe() + " in the cluster, not a " + kind.describe();
  }

  private MetricSnapshot merge(String name, MetricKind kind, long nowNanos) {
    long count = 0;
    long sum = 0;
    MetricSnapshot base = retired.get(name);
    if (base != null) {
      count = countOf(base);
      sum = sumOf(base);
    }
    double mean = 0;
    double m1 = 0;
    double m5 = 0;
    double m15 = 0;
    Snapshot window = kind == MetricKind.COUNTER || kind == MetricKind.METER ? null
        : kind.emptyWindow();
    for (Instance instance : instances.values()) {
      Entry entry = instance.metrics.get(name);
      if (entry == null) {
        continue;
      }
      MetricSnapshot metric = entry.metric;
      count = addSaturated(count, countOf(metric));
      sum += sumOf(metric);
      Rates rates = ratesOf(metric);
      if (rates != null && instance.isLive(nowNanos, silenceNanos)) {
        mean += rates.meanRate();
        m1 += rates.oneMinuteRate();
        m5 += rates.fiveMinuteRate();
        m15 += rates.fifteenMinuteRate();
      }
      if (window != null && instance.isRecent(nowNanos, silenceNanos)) {
        window = window.merge(windowOf(metric));
      }
    }
    Rates rates = new Rates(mean, m1, m5, m15);
    switch (kind) {
      case COUNTER:
        return new CounterSnapshot(name, count);
      case METER:
        return new MeterSnapshot(name, Math.max(0, count), rates);
      case HISTOGRAM_SKETCH:
      case HISTOGRAM_SAMPLE:
        return new HistogramSnapshot(name, Math.max(0, count), sum, window);
      default:
        return new TimerSnapshot(name, Math.max(0, count), sum, rates, window);
    }
  }

  private MetricSnapshot gauge(String name, long nowNanos, Map<Long, String> labels,
      List<MetricSnapshot> perProcess) {
    double total = 0;
    int live = 0;
    int numbers = 0;
    for (Instance instance : instances.values()) {
      Entry entry = instance.metrics.get(name);
      if (entry == null || !instance.isLive(nowNanos, silenceNanos)) {
        continue;
      }
      double value = ((GaugeSnapshot) entry.metric).value();
      live++;
      perProcess.add(new GaugeSnapshot(
          NameTree.PROCESS_BRANCH + "." + labels.get(instance.id) + "." + name, value));
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
   * Names for live instances as a single metric-name segment: the process name with dots and
   * blanks replaced; where two live instances share one, each gets its instance id appended.
   */
  private Map<Long, String> processLabels(long nowNanos) {
    Map<String, List<Instance>> byLabel = new HashMap<>();
    for (Instance instance : instances.values()) {
      if (instance.isLive(nowNanos, silenceNanos)) {
        byLabel.computeIfAbsent(segment(instance.process), k -> new ArrayList<>()).add(instance);
      }
    }
    Map<Long, String> labels = new HashMap<>();
    byLabel.forEach((label, sharing) -> {
      for (Instance instance : sharing) {
        labels.put(instance.id, sharing.size() == 1 ? label
            : label + "-" + String.format("%016x", instance.id));
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

  /** The part of a metric that outlives its instance: its counts; null for a gauge. */
  private static MetricSnapshot countsOnly(MetricSnapshot metric) {
    MetricKind kind = MetricKind.of(metric);
    if (metric instanceof CounterSnapshot) {
      return metric;
    } else if (metric instanceof MeterSnapshot meter) {
      return new MeterSnapshot(meter.name(), meter.count(), Rates.ZERO);
    } else if (metric instanceof HistogramSnapshot histogram) {
      return new HistogramSnapshot(histogram.name(), histogram.count(), histogram.sum(),
          kind.emptyWindow());
    } else if (metric instanceof TimerSnapshot timer) {
      return new TimerSnapshot(timer.name(), timer.count(), timer.sumNanos(), Rates.ZERO,
          kind.emptyWindow());
    }
    return null;
  }

  /** Retired totals of one name: counts added (saturating), sums added (wrapping). */
  private static MetricSnapshot sum(MetricSnapshot a, MetricSnapshot b) {
    long count = addSaturated(countOf(a), countOf(b));
    long total = sumOf(a) + sumOf(b);
    if (a instanceof CounterSnapshot) {
      return new CounterSnapshot(a.name(), count);
    } else if (a instanceof MeterSnapshot) {
      return new MeterSnapshot(a.name(), Math.max(0, count), Rates.ZERO);
    } else if (a instanceof HistogramSnapshot histogram) {
      return new HistogramSnapshot(a.name(), Math.max(0, count), total, histogram.window());
    }
    TimerSnapshot timer = (TimerSnapshot) a;
    return new TimerSnapshot(a.name(), Math.max(0, count), total, Rates.ZERO, timer.window());
  }

  private static long countOf(MetricSnapshot metric) {
    if (metric instanceof CounterSnapshot counter) {
      return counter.count();
    } else if (metric instanceof MeterSnapshot meter) {
      return meter.count();
    } else if (metric instanceof HistogramSnapshot histogram) {
      return histogram.count();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.count();
    }
    return 0;
  }

  private static long sumOf(MetricSnapshot metric) {
    if (metric instanceof HistogramSnapshot histogram) {
      return histogram.sum();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.sumNanos();
    }
    return 0;
  }

  private static Rates ratesOf(MetricSnapshot metric) {
    if (metric instanceof MeterSnapshot meter) {
      return meter.rates();
    } else if (metric instanceof TimerSnapshot timer) {
      return timer.rates();
    }
    return null;
  }

  private static Snapshot windowOf(MetricSnapshot metric) {
    return metric instanceof HistogramSnapshot histogram ? histogram.window()
        : ((TimerSnapshot) metric).window();
  }

  /** Counts saturate rather than wrap: a total that wrapped negative would read as a reset. */
  static long addSaturated(long a, long b) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return result;
  }

  /** One proxy instance. Guarded by the state's lock. */
  private static final class Instance {

    final long id;
    final Map<String, Entry> metrics = new HashMap<>();
    String process = "";
    long lastSequence;
    /** Whether a message arrived since start or restore: only then is it live. */
    boolean heard;
    long lastHeardNanos;
    /** Whether its last message (sent by {@code close()}) arrived. */
    boolean last;

    Instance(long id) {
      this.id = id;
    }

    boolean isRecent(long nowNanos, long silenceNanos) {
      return heard && nowNanos - lastHeardNanos <= silenceNanos;
    }

    boolean isLive(long nowNanos, long silenceNanos) {
      return !last && isRecent(nowNanos, silenceNanos);
    }
  }

  private record Entry(long sequence, MetricSnapshot metric) {}

  private record Tombstone(long lastSequence, long sinceNanos) {}
}
