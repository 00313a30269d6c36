package dev.tapes.distributed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Answers 0MQ's authentication requests (ZAP, RFC 27) for a CURVE aggregator: a proxy may
 * publish only if the public key it proved it holds is one of the allowed keys. Runs on the
 * aggregator's receive thread, which owns the ZAP socket as it owns the data socket.
 *
 * @see <a href="https://rfc.zeromq.org/spec/27/">ZAP: ZeroMQ Authentication Protocol</a>
 */
final class ZapHandler {

  /** Where libzmq and JeroMQ look for the handler, within the socket's context. */
  static final String ENDPOINT = "inproc://zeromq.zap.01";

  private static final String VERSION = "1.0";

  private final Set<String> allowedKeys;

  /** The outcome of one request: whether allowed, and who asked, for the log. */
  record Decision(boolean allowed, String address, String publicKey) {}

  ZapHandler(Set<String> allowedKeys) {
    this.allowedKeys = Set.copyOf(allowedKeys);
  }

  /** The same handler, allowing {@code key} too: the aggregator's own canary. */
  ZapHandler alsoAllowing(String key) {
    Set<String> keys = new HashSet<>(allowedKeys);
    keys.add(key);
    return new ZapHandler(keys);
  }

  /** Answers one pending request, or returns null if none is waiting. */
  Decision answerOne(ZMQ.Socket zap) {
    ZMsg request = ZMsg.recvMsg(zap, ZMQ.DONTWAIT);
    if (request == null) {
      return null;
    }
    // version, request id, domain, address, identity, mechanism, credentials...
    List<ZFrame> frames = new ArrayList<>(request);
    String version = text(frames, 0);
    ZFrame requestId = frames.size() > 1 ? frames.get(1) : new ZFrame(new byte[0]);
    String address = text(frames, 3);
    String mechanism = text(frames, 5);
    String key = null;
    if (frames.size() == 7 && frames.get(6).size() == 32) {
      key = CurveKeyPair.encode(frames.get(6).getData());
    }
    boolean allowed = VERSION.equals(version) && "CURVE".equals(mechanism) && key != null
        && allowedKeys.contains(key);
    ZMsg reply = new ZMsg();
    reply.add(VERSION);
    reply.add(requestId.duplicate());
    reply.add(allowed ? "200" : "400");
    reply.add(allowed ? "OK" : "client key not allowed");
    reply.add(allowed ? key : "");
    reply.add(new byte[0]);
    reply.send(zap);
    request.destroy();
    return new Decision(allowed, address, key);
  }

  private static String text(List<ZFrame> frames, int index) {
    return frames.size() > index
        ? new String(frames.get(index).getData(), StandardCharsets.UTF_8) : "";
  }
}
