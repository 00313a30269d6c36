package dev.tapes.distributed;

import dev.tapes.Clock;
import dev.tapes.Counter;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Notices when the aggregator's 0MQ transport stops serving peers, so that a stuck transport is
 * reported instead of freezing in silence: defence in depth behind {@link FrameSizeGuard}, for
 * whatever else could still break JeroMQ's I/O thread.
 *
 * <p>Two signals. The context's uncaught-exception handler hears an I/O thread die (an
 * {@link Error} escapes JeroMQ's poller); the transport is then stuck for good. And a canary:
 * a PUSH socket in the same context, connected over TCP to the aggregator's own endpoint
 * (authenticated like a proxy when CURVE is on), sends a random token every quarter of the
 * deadline. Its frames travel through the same I/O thread and the same PULL socket as the
 * proxies', so when no token has come back for the whole deadline the thread is spinning,
 * blocked or dead, whatever the cause. Exceptions JeroMQ's poller catches and survives (such
 * as a malformed PING from a peer) are only counted and logged.
 *
 * <p>Only the receive thread calls {@link #connectCanary}, {@link #isCanary} and {@link
 * #check}: it owns the canary socket. The handlers run on JeroMQ's threads and only set
 * volatile fields, count and log.
 */
final class TransportWatchdog {

  private static final System.Logger LOG = System.getLogger(TransportWatchdog.class.getName());
  private static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private final Clock clock;
  private final long deadlineNanos;
  private final long canaryIntervalNanos;
  private final Counter errors;
  private final Counter failures;
  private final Runnable onFailure;
  private final LogLimiter errorLog;
  /** First byte 0: never the wire format's magic, so a token is never taken for state. */
  private final byte[] token = new byte[16];
  /** With CURVE: the canary's own key pair, which the ZAP handler allows. */
  private final CurveKeyPair canaryKeys;
  private volatile Throwable death;
  private volatile boolean healthy = true;
  private ZMQ.Socket canary;
  private long lastSentNanos;
  private long lastSeenNanos;

  TransportWatchdog(Clock clock, Duration deadline, boolean curve, Counter errors,
      Counter failures, Runnable onFailure) {
    this.clock = clock;
    this.deadlineNanos = deadline.toNanos();
    this.canaryIntervalNanos = Math.max(1, deadlineNanos / 4);
    this.errors = errors;
    this.failures = failures;
    this.onFailure = onFailure;
    this.errorLog = new LogLimiter(LOG, clock, LOG_PERIOD);
    ThreadLocalRandom.current().nextBytes(token);
    token[0] = 0;
    this.canaryKeys = curve ? CurveKeyPair.generate() : null;
  }

  /** The canary's public key, for the ZAP handler; null without CURVE. */
  String canaryPublicKey() {
    return canaryKeys == null ? null : canaryKeys.publicKey();
  }

  /** False while the transport is stuck: what {@code tapes.aggregator.transport.healthy} reads. */
  boolean healthy() {
    return healthy;
  }

  /** Hooks the context's handlers; before any socket exists, so before its I/O thread starts. */
  void watch(ZContext context) {
    context.setUncaughtExceptionHandler((thread, e) -> {
      death = e;
      LOG.log(Level.ERROR, "0MQ thread " + thread.getName() + " of the aggregator died", e);
    });
    context.setNotificationExceptionHandler((thread, e) -> {
      errors.increment();
      errorLog.log(Level.WARNING, "0MQ's I/O thread " + thread.getName() + " survived " + e
          + ", most likely from a malformed frame sent by a peer (counted in "
          + RegistryAggregator.TRANSPORT_ERRORS + ")");
    });
  }

  /**
   * Connects the canary to {@code boundEndpoint} (through loopback if bound to every address).
   *
   * @param serverSecretKey the aggregator's CURVE secret key, null without CURVE
   */
  void connectCanary(ZContext context, String boundEndpoint, byte[] serverSecretKey) {
    canary = context.createSocket(SocketType.PUSH);
    canary.setLinger(0);
    // One token in flight is enough: the rest would only queue behind a stuck thread.
    canary.setSndHWM(1);
    if (serverSecretKey != null) {
      canary.setCurveServerKey(CurveKeyPair.publicKeyOf(serverSecretKey));
      canary.setCurvePublicKey(CurveKeyPair.decode(canaryKeys.publicKey(), "canary key"));
      canary.setCurveSecretKey(CurveKeyPair.decode(canaryKeys.secretKey(), "canary key"));
    }
    String target = loopback(boundEndpoint);
    canary.setIPv6(target.startsWith("tcp://["));
    canary.connect(target);
    lastSentNanos = clock.nanoTime() - canaryIntervalNanos;
    lastSeenNanos = clock.nanoTime();
  }

  /** Whether {@code frame} is the canary's token (then it is no peer's state). */
  boolean isCanary(byte[] frame) {
    if (Arrays.equals(frame, token)) {
      lastSeenNanos = clock.nanoTime();
      return true;
    }
    return false;
  }

  /**
   * Sends a token when one is due and tells whether the transport is still healthy; on the
   * turn to stuck, logs, counts and runs the failure callback once.
   */
  void check() {
    long now = clock.nanoTime();
    if (now - lastSentNanos >= canaryIntervalNanos) {
      lastSentNanos = now;
      canary.send(token, ZMQ.DONTWAIT);
    }
    Throwable died = death;
    boolean silent = now - lastSeenNanos > deadlineNanos;
    if (healthy && (died != null || silent)) {
      healthy = false;
      failures.increment();
      LOG.log(Level.ERROR, "the aggregator's 0MQ transport is stuck: "
          + (died != null ? "its I/O thread died of " + died
              : "no frame went through it for " + Duration.ofNanos(now - lastSeenNanos))
          + ". Proxies are not heard until the aggregator is restarted; its totals stay as "
          + "they are (counted in " + RegistryAggregator.TRANSPORT_FAILURES + ", "
          + RegistryAggregator.TRANSPORT_HEALTHY + " = 0)");
      try {
        onFailure.run();
      } catch (RuntimeException e) {
        // The user's callback must not end the receive loop, which stop() relies on.
        LOG.log(Level.ERROR, "the aggregator's transport failure callback failed", e);
      }
    } else if (!healthy && died == null && !silent) {
      healthy = true;
      LOG.log(Level.WARNING, "the aggregator's 0MQ transport works again");
    }
  }

  /** {@code tcp://0.0.0.0:5557} becomes {@code tcp://127.0.0.1:5557}; others stay. */
  static String loopback(String endpoint) {
    URI uri = URI.create(endpoint.replace("*", "0.0.0.0"));
    String host = uri.getHost();
    if (host == null || host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]")) {
      host = "[::1]";
    }
    return "tcp://" + host + ":" + uri.getPort();
  }
}
