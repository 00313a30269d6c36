package dev.tapes.distributed;

import dev.tapes.MetricSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * What the aggregator knows of one proxy instance: its newest state per metric and how recently
 * it spoke. Not thread-safe: {@link ClusterState} guards it with its lock.
 */
final class ProcessState {

  /** A metric's newest state and the sequence number of the message that carried it. */
  record Entry(long sequence, MetricSnapshot metric) {}

  final long id;
  final Map<String, Entry> metrics = new HashMap<>();
  String process = "";
  long lastSequence;
  /** Whether a message arrived since start or restore: only then is it live. */
  boolean heard;
  long lastHeardNanos;
  /** Whether its last message (sent by {@code close()}) arrived. */
  boolean last;

  ProcessState(long id) {
    this.id = id;
  }

  /** Heard from within the silence timeout: its window counts in quantiles. */
  boolean isRecent(long nowNanos, long silenceNanos) {
    return heard && nowNanos - lastHeardNanos <= silenceNanos;
  }

  /** Recent and not closed: its gauges and rates count. */
  boolean isLive(long nowNanos, long silenceNanos) {
    return !last && isRecent(nowNanos, silenceNanos);
  }
}
