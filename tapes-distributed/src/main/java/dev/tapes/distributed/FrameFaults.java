package dev.tapes.distributed;

import java.util.List;

/**
 * Test seam between a proxy's encoded frames and its socket: decides what actually goes out
 * for each frame, so tests can drop, repeat and reorder messages deterministically. Called on
 * the flusher thread only.
 */
@FunctionalInterface
interface FrameFaults {

  /** Every frame goes out once, in order: production behaviour. */
  FrameFaults NONE = List::of;

  /**
   * The frames to send now, in order, for {@code frame}: none drops it, two copies repeat it,
   * and a frame held back to be returned with a later one is reordered.
   */
  List<byte[]> onSend(byte[] frame);
}
