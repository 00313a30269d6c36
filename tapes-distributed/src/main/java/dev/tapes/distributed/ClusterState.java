package dev.tapes.distributed;

import dev.tapes.MetricSnapshot;
import java.time.Duration;
import java.util.ArrayList;
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
  private final Map<Long, ProcessState> instances = new TreeMap<>();
  private final Map<Long, Tombstone> tombstones = new HashMap<>();
  private final Map<String, Totals> retired = new HashMap<>();
  private final TreeMap<String, MergeKind> kinds = new TreeMap<>();
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
    ProcessState instance = instances.computeIfAbsent(id, ProcessState::new);
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
      ProcessState.Entry entry = instance.metrics.get(metric.name());
      if (entry == null || entry.sequence() < sequence) {
        instance.metrics.put(metric.name(), new ProcessState.Entry(sequence, metric));
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
    for (Iterator<ProcessState> it = instances.values().iterator(); it.hasNext(); ) {
      ProcessState instance = it.next();
      long silent = nowNanos - instance.lastHeardNanos;
      if ((instance.last && silent > silenceNanos) || silent > retireAfterNanos) {
        for (ProcessState.Entry entry : instance.metrics.values()) {
          Totals totals = Totals.of(entry.metric());
          if (totals != null) {
            retired.merge(entry.metric().name(), totals, Totals::plus);
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

  /** The merged view of every metric, sorted by name; see {@link ClusterView}. */
  synchronized List<MetricSnapshot> view(long nowNanos) {
    return ClusterView.of(instances.values(), retired, kinds, nowNanos, silenceNanos);
  }

  /** Instances live now: heard from, not closed, not silent past the timeout. */
  synchronized int liveProcesses(long nowNanos) {
    int live = 0;
    for (ProcessState instance : instances.values()) {
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
    for (ProcessState instance : instances.values()) {
      List<Checkpoint.Entry> entries = new ArrayList<>(instance.metrics.size());
      for (ProcessState.Entry entry : instance.metrics.values()) {
        entries.add(new Checkpoint.Entry(entry.sequence(), entry.metric()));
      }
      processes.add(new Checkpoint.Process(instance.id, instance.process,
          instance.lastSequence, instance.last, entries));
    }
    Map<Long, Long> lastSequences = new HashMap<>();
    tombstones.forEach((id, tombstone) -> lastSequences.put(id, tombstone.lastSequence));
    List<MetricSnapshot> retiredTotals = new ArrayList<>(retired.size());
    retired.forEach((name, totals) -> retiredTotals.add(totals.toSnapshot(name)));
    return new Checkpoint(retiredTotals, lastSequences, processes);
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
      Totals totals = Totals.of(metric);
      if (totals == null || admit(metric) != null) {
        refused++;
      } else {
        retired.merge(metric.name(), totals, Totals::plus);
      }
    }
    checkpoint.tombstones().forEach((id, sequence) ->
        tombstones.put(id, new Tombstone(sequence, nowNanos)));
    for (Checkpoint.Process process : checkpoint.processes()) {
      ProcessState instance = new ProcessState(process.instanceId());
      instance.process = process.name();
      instance.lastSequence = process.lastSequence();
      instance.last = process.last();
      instance.lastHeardNanos = nowNanos;
      for (Checkpoint.Entry entry : process.metrics()) {
        if (admit(entry.metric()) != null) {
          refused++;
        } else {
          instance.metrics.put(entry.metric().name(),
              new ProcessState.Entry(entry.sequence(), entry.metric()));
        }
      }
      instances.put(instance.id, instance);
    }
    return refused;
  }

  /** Registers a name's kind on first sight; why the metric is refused, or null. */
  private String admit(MetricSnapshot metric) {
    String name = metric.name();
    MergeKind kind = MergeKind.of(metric);
    MergeKind known = kinds.get(name);
    if (known == null) {
      String problem = names.problemWith(name);
      if (problem != null) {
        return "metric '" + WireCodec.printable(name) + "' refused: " + problem;
      }
      kinds.put(name, kind);
      names.add(name);
      return null;
    }
    return known.equals(kind) ? null : "metric '" + WireCodec.printable(name) + "' refused: it is a "
        + known.describe() + " in the cluster, not a " + kind.describe();
  }

  private record Tombstone(long lastSequence, long sinceNanos) {}
}
