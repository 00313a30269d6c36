package dev.tapes.distributed;

import dev.tapes.Counter;
import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * A socket's message allocator that refuses frame sizes no peer may send (the aggregator's PULL
 * socket, and each proxy's PUSH socket, which only ever receives handshake commands): JeroMQ
 * asks it for the buffer of every frame its ZMTP decoders read (greeting commands, handshake
 * and data, ZMTP 1.0 to 3.1), before a byte of the body is read.
 *
 * <p>Why here: JeroMQ 0.6.0's v2 decoder checks a long frame's 64-bit size against the limit
 * with a signed comparison and then allocates {@code (int) size} (zeromq/jeromq#1005; the fix,
 * PR #1006, is in no release). A size with the sign bit set thus passes the check: if its low
 * 32 bits are negative, {@code new byte[size]} throws on the I/O thread and leaves the decoder
 * broken, so that the connection's next bytes make the thread spin for ever and no peer is
 * served again; if they are positive, up to 2 GiB are allocated, over any limit, and an
 * {@link OutOfMemoryError} kills the I/O thread. This allocator sees exactly the {@code int}
 * JeroMQ is about to allocate and refuses anything outside {@code 0..maxFrameBytes}.
 *
 * <p>A refused frame gets an empty <em>command</em> message instead of a buffer, never an
 * exception: the decoder reads no body and moves on. During the handshake (the only phase an
 * unauthenticated CURVE peer reaches) the mechanism rejects the empty command and JeroMQ drops
 * the connection; after a NULL handshake the session discards commands, so nothing reaches the
 * aggregator. Called on JeroMQ's I/O thread: it only counts.
 */
final class FrameSizeGuard implements MsgAllocator {

  private final long maxFrameBytes;
  private final Runnable refused;
  /** JeroMQ's default: heap buffers for small frames, direct ones above its threshold. */
  private final MsgAllocator allocator = new MsgAllocatorThreshold();

  /** Refuses sizes above {@code maxFrameBytes}, counting each refusal in {@code refused}. */
  FrameSizeGuard(long maxFrameBytes, Counter refused) {
    this(maxFrameBytes, refused::increment);
  }

  /** Refuses sizes above {@code maxFrameBytes}, telling {@code refused} of each on the I/O thread. */
  FrameSizeGuard(long maxFrameBytes, Runnable refused) {
    this.maxFrameBytes = maxFrameBytes;
    this.refused = refused;
  }

  @Override
  public Msg allocate(int size) {
    if (size >= 0 && size <= maxFrameBytes) {
      return allocator.allocate(size);
    }
    refused.run();
    Msg nothing = new Msg(0);
    nothing.setFlags(Msg.COMMAND);
    return nothing;
  }
}
