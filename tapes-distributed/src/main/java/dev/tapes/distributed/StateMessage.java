package dev.tapes.distributed;

import dev.tapes.RegistrySnapshot;
import java.util.Objects;

/**
 * What a proxy ships on every flush: the cumulative state of all its metrics, stamped with its
 * instance and a sequence number that grows by one per flush.
 *
 * @param instanceId random per {@link DistributedRegistry} object, so a restarted process is a
 *     new instance whose counts add to, never replace, those of the one before
 * @param sequence orders this instance's messages; the aggregator keeps the highest it has seen
 * @param last whether this is the instance's final flush (sent by {@code close()})
 * @param process the proxy's process name, for per-process gauges
 * @param registry every metric of the proxy at flush time
 */
record StateMessage(long instanceId, long sequence, boolean last, String process,
    RegistrySnapshot registry) {

  StateMessage {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(registry, "registry");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1, was " + sequence);
    }
  }
}
