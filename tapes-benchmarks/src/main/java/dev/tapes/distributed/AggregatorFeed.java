package dev.tapes.distributed;

import dev.tapes.RegistrySnapshot;

/**
 * The benchmarks' way into two package-private seams of tapes-distributed: the wire codec, to
 * encode proxies' state messages before the clock starts, and the aggregator's frame intake, to
 * time decoding and merging without a socket. It lives in tapes-benchmarks (same package name,
 * on the classpath) so that tapes-distributed exports nothing for benchmarks' sake.
 */
public final class AggregatorFeed {

  private AggregatorFeed() {}

  /**
   * A state message exactly as a {@link DistributedRegistry} ships it: instance {@code
   * instanceId}'s {@code sequence}-th flush of {@code state}, under process name {@code
   * process}.
   */
  public static byte[] stateFrame(long instanceId, long sequence, String process,
      RegistrySnapshot state) {
    return WireCodec.encode(new StateMessage(instanceId, sequence, false, process, state));
  }

  /** What the aggregator's receive loop does with every frame: decode, check, apply. */
  public static void accept(RegistryAggregator aggregator, byte[] frame) {
    aggregator.accept(frame);
  }
}
