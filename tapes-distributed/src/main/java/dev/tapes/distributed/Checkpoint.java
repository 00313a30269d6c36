package dev.tapes.distributed;

import dev.tapes.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the aggregator must remember across a restart, as written to its state file.
 *
 * @param retired the summed counts of instances folded away (closed or long silent), per name;
 *     counters, meters, histograms and timers only, with empty windows and zero rates
 * @param tombstones the last sequence number of each folded instance, so that a late or
 *     repeated message from it is recognised as stale rather than counted again
 * @param processes the instances still held one by one
 */
record Checkpoint(List<MetricSnapshot> retired, Map<Long, Long> tombstones,
    List<Process> processes) {

  Checkpoint {
    retired = List.copyOf(retired);
    tombstones = Map.copyOf(tombstones);
    processes = List.copyOf(processes);
  }

  /** One instance: its identity, progress and newest state per metric. */
  record Process(long instanceId, String name, long lastSequence, boolean last,
      List<Entry> metrics) {

    Process {
      Objects.requireNonNull(name, "name");
      metrics = List.copyOf(metrics);
    }
  }

  /** A metric's newest state and the sequence number of the message that carried it. */
  record Entry(long sequence, MetricSnapshot metric) {

    Entry {
      Objects.requireNonNull(metric, "metric");
    }
  }
}
