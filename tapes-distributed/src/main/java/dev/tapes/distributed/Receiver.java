package dev.tapes.distributed;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The aggregator's receive loop: the one thread that owns its 0MQ context and sockets (the
 * PULL socket proxies push to and, with CURVE, the ZAP socket that vets them). It hands every
 * frame to the aggregator, which decodes and applies it; nothing a peer sends can end the
 * loop.
 *
 * <p>The PULL socket's receive queue is small ({@link #RECEIVE_HWM} per proxy) and frames
 * above the size limit make 0MQ drop the connection: a flood is pushed back onto the proxies,
 * whose own queues hold one state each. Sizes JeroMQ itself mishandles are refused by a {@link
 * FrameSizeGuard}, and a {@link TransportWatchdog} reports the transport if it stops anyway.
 *
 * <p>{@link #stop()} returns within {@value #STOP_MILLIS} ms whatever the transport's state: a
 * context whose I/O thread died never finishes closing, and is then left to its daemon threads.
 */
final class Receiver implements Runnable {

  /** Frames queued per proxy connection before TCP pushes back. */
  static final int RECEIVE_HWM = 16;
  /** How often the loop wakes to do housekeeping and notice a stop. */
  private static final long POLL_MILLIS = 100;
  /** Frames taken per wake-up before housekeeping runs again. */
  private static final int BATCH = 1_000;
  /** How long {@link #stop()} waits for the loop and the context to close. */
  static final long STOP_MILLIS = 3_000;

  private static final System.Logger LOG = System.getLogger(Receiver.class.getName());

  private final RegistryAggregator aggregator;
  private final String endpoint;
  private final long maxFrameBytes;
  private final byte[] serverSecretKey;
  private final ZapHandler zapHandler;
  /** Null if frames go unguarded: only tests that show what the guard prevents. */
  private final FrameSizeGuard guard;
  private final TransportWatchdog watchdog;
  private final CountDownLatch bound = new CountDownLatch(1);
  private volatile String boundEndpoint;
  private volatile RuntimeException bindFailure;
  private volatile boolean running = true;
  private Thread thread;

  Receiver(RegistryAggregator aggregator, String endpoint, long maxFrameBytes,
      byte[] serverSecretKey, ZapHandler zapHandler, FrameSizeGuard guard,
      TransportWatchdog watchdog) {
    this.aggregator = aggregator;
    this.endpoint = endpoint;
    this.maxFrameBytes = maxFrameBytes;
    this.serverSecretKey = serverSecretKey;
    this.zapHandler = zapHandler == null ? null
        : zapHandler.alsoAllowing(watchdog.canaryPublicKey());
    this.guard = guard;
    this.watchdog = watchdog;
  }

  /**
   * Starts the loop and waits for the bind.
   *
   * @return the bound endpoint, with the actual port if the endpoint asked for any ({@code *})
   * @throws IllegalStateException if the endpoint cannot be bound
   */
  String start() {
    thread = new Thread(this, "tapes-aggregator-receiver");
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    thread.start();
    try {
      bound.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      throw new IllegalStateException("interrupted while binding " + endpoint, e);
    }
    if (bindFailure != null) {
      throw new IllegalStateException("cannot bind " + endpoint + ": " + bindFailure,
          bindFailure);
    }
    return boundEndpoint;
  }

  /**
   * Ends the loop (within about {@value #POLL_MILLIS} ms) and closes the sockets, waiting at
   * most {@value #STOP_MILLIS} ms.
   */
  void stop() {
    running = false;
    try {
      thread.join(STOP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.log(Level.WARNING, "the aggregator's 0MQ context on "
          + (boundEndpoint == null ? endpoint : boundEndpoint) + " did not close "
          + "within " + STOP_MILLIS + " ms (its transport is stuck, see the errors logged "
          + "before); leaving it to its daemon threads");
    }
  }

  @Override
  public void run() {
    try (ZContext context = new ZContext(1)) {
      context.setLinger(0);
      watchdog.watch(context);
      ZMQ.Socket zap = null;
      ZMQ.Socket pull;
      try {
        if (zapHandler != null) {
          // Bound before the data socket, so no handshake ever finds no handler (which 0MQ
          // would take as "allow").
          zap = context.createSocket(SocketType.REP);
          zap.bind(ZapHandler.ENDPOINT);
        }
        pull = context.createSocket(SocketType.PULL);
        pull.setRcvHWM(RECEIVE_HWM);
        pull.setMaxMsgSize(maxFrameBytes);
        if (guard != null) {
          pull.setMsgAllocator(guard);
        }
        // A peer that connects but never completes the handshake holds a slot this long only.
        pull.setHandshakeIvl(5_000);
        pull.setHeartbeatIvl(5_000);
        pull.setHeartbeatTimeout(15_000);
        if (serverSecretKey != null) {
          pull.setCurveServer(true);
          pull.setCurveSecretKey(serverSecretKey);
        }
        pull.bind(endpoint);
        boundEndpoint = pull.getLastEndpoint();
        watchdog.connectCanary(context, boundEndpoint, serverSecretKey);
      } catch (RuntimeException e) {
        bindFailure = e;
        return;
      } finally {
        bound.countDown();
      }
      loop(context, pull, zap);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the aggregator's receive loop on " + endpoint + " failed", e);
    }
  }

  private void loop(ZContext context, ZMQ.Socket pull, ZMQ.Socket zap) {
    try (ZMQ.Poller poller = context.createPoller(2)) {
      int pullIndex = poller.register(pull, ZMQ.Poller.POLLIN);
      int zapIndex = zap == null ? -1 : poller.register(zap, ZMQ.Poller.POLLIN);
      while (running) {
        poller.poll(POLL_MILLIS);
        if (zap != null && poller.pollin(zapIndex)) {
          for (ZapHandler.Decision d = zapHandler.answerOne(zap); d != null;
              d = zapHandler.answerOne(zap)) {
            aggregator.authenticated(d);
          }
        }
        if (poller.pollin(pullIndex)) {
          for (int i = 0; i < BATCH; i++) {
            byte[] frame = pull.recv(ZMQ.DONTWAIT);
            if (frame == null) {
              break;
            }
            if (!watchdog.isCanary(frame)) {
              aggregator.accept(frame);
            }
          }
        }
        // After reading, before housekeeping: a slow save must not pass for a silent canary.
        watchdog.check();
        aggregator.housekeep();
      }
    }
  }
}
