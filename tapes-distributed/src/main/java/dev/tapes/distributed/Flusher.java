package dev.tapes.distributed;

import dev.tapes.Clock;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The thread that ships a {@link DistributedRegistry}'s state: every flush interval, on
 * request ({@link #flushNow()}) and once more, marked last, when stopped.
 *
 * <p><b>Socket ownership.</b> 0MQ sockets are not thread-safe, so this thread creates, uses
 * and closes the proxy's only socket; other threads talk to it through a monitor.
 *
 * <p><b>Bounded, never blocking.</b> The socket is a PUSH with a send high-water mark of one
 * message: while the aggregator is down or behind, at most one state (one entry per metric)
 * waits in the proxy, and a periodic flush that finds it still waiting is dropped at once
 * ({@code DONTWAIT}) instead of queueing or blocking. Recording is untouched either way: it
 * happens on application threads into the registry, never here. Dropping is harmless because
 * state is cumulative: the next flush that gets through carries every count.
 *
 * <p>Only an explicit {@link #flushNow()} and the last state sent by {@link #stop()} wait, up to
 * the close timeout, for the waiting message to leave; the socket then lingers for what is
 * left of that timeout to deliver the last state. (Not {@code ZMQ_CONFLATE}, which would keep
 * the newest state instead of the oldest: 0MQ ends a conflating pipe by overwriting its last
 * message with the end-of-pipe marker, so a last state not yet on the wire would be lost.)
 */
final class Flusher implements Runnable {

  private static final System.Logger LOG = System.getLogger(Flusher.class.getName());
  /** Longest ZMTP handshake before the proxy redials; see {@link #configure}. */
  static final int HANDSHAKE_MILLIS = 1_000;
  /** The largest frame a proxy accepts from its peer: handshake commands are far smaller. */
  static final int MAX_INBOUND_BYTES = 64 * 1024;

  /** How long {@link #flushNow()} waits for the thread beyond the close timeout. */
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  private final DistributedRegistry registry;
  private final String endpoint;
  private final long intervalNanos;
  private final Duration closeTimeout;
  private final CurveClient curve;
  private final FrameFaults faults;
  private final LogLimiter failures;
  private final LogLimiter hostile;
  private final CountDownLatch connected = new CountDownLatch(1);
  private volatile RuntimeException connectFailure;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}: flush requests made and served, and whether to stop. */
  private long requested;
  private long served;
  private boolean stopping;
  private boolean finished;
  private Thread thread;

  /** A proxy's CURVE settings: the aggregator's public key and the proxy's own key pair. */
  record CurveClient(byte[] serverPublicKey, byte[] publicKey, byte[] secretKey) {}

  Flusher(DistributedRegistry registry, String endpoint, Duration interval,
      Duration closeTimeout, CurveClient curve, FrameFaults faults) {
    this.registry = registry;
    this.endpoint = endpoint;
    this.intervalNanos = interval.toNanos();
    this.closeTimeout = closeTimeout;
    this.curve = curve;
    this.faults = faults;
    this.failures = new LogLimiter(LOG, Clock.system(), Duration.ofSeconds(60));
    this.hostile = new LogLimiter(LOG, Clock.system(), Duration.ofSeconds(60));
  }

  /**
   * Starts the thread and waits until its socket is connecting.
   *
   * @throws IllegalArgumentException if 0MQ refuses the endpoint
   */
  void start() {
    thread = new Thread(this, "tapes-distributed-flusher");
    thread.setDaemon(true);
    // The thread outlives the call that started it; it must not pin an application's loader.
    thread.setContextClassLoader(null);
    thread.start();
    try {
      connected.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to " + endpoint, e);
    }
    RuntimeException failure = connectFailure;
    if (failure != null) {
      throw new IllegalArgumentException("cannot connect to " + endpoint + ": " + failure,
          failure);
    }
  }

  /** Ships the state now and returns once it is handed to 0MQ. */
  void flushNow() {
    synchronized (lock) {
      long ticket = ++requested;
      lock.notifyAll();
      Duration wait = FLUSH_WAIT.plus(closeTimeout);
      long deadline = System.nanoTime() + wait.toNanos();
      while (served < ticket && !finished) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the flusher did not answer within " + wait);
        }
        waitOn(left);
      }
      if (served < ticket) {
        throw new IllegalStateException("the registry is closed");
      }
    }
  }

  /**
   * Sends the last state, then closes the socket, giving 0MQ up to the close timeout to deliver
   * it, and waits for the thread to end.
   */
  void stop() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    try {
      thread.join(closeTimeout.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.log(Level.WARNING, "the flusher of " + endpoint + " did not stop in time");
    }
  }

  @Override
  public void run() {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket socket = context.createSocket(SocketType.PUSH);
      try {
        configure(socket);
        socket.connect(endpoint);
      } catch (RuntimeException e) {
        connectFailure = e;
        return;
      } finally {
        connected.countDown();
      }
      loop(socket);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the flusher of " + endpoint + " failed; the proxy stops shipping",
          e);
    } finally {
      synchronized (lock) {
        finished = true;
        lock.notifyAll();
      }
    }
  }

  private void configure(ZMQ.Socket socket) {
    // A PUSH socket receives only handshake commands, a few dozen bytes: anything larger is a
    // hostile or broken peer, and a hostile size would wedge JeroMQ's I/O thread (see
    // FrameSizeGuard), then this thread's close, then the application's shutdown.
    socket.setMsgAllocator(new FrameSizeGuard(MAX_INBOUND_BYTES,
        () -> hostile.log(Level.WARNING, "refused a frame from " + endpoint + " larger than "
            + MAX_INBOUND_BYTES + " bytes: not an aggregator, or a hostile one")));
    // One state waiting at most: bounded memory while the aggregator is away.
    socket.setSndHWM(1);
    socket.setLinger((int) Math.min(Integer.MAX_VALUE, closeTimeout.toMillis()));
    // JeroMQ 0.6.0 leaves about 1-6 % of fresh connections stuck before the ZMTP handshake
    // (a poller race, zeromq/jeromq#1022) until the handshake timer, 30 s by default, drops
    // and redials them. A short timer bounds that stall; a real handshake, CURVE included,
    // takes milliseconds.
    socket.setHandshakeIvl(HANDSHAKE_MILLIS);
    socket.setReconnectIVL(100);
    socket.setReconnectIVLMax(5_000);
    // Notice a silently dead peer (host gone, no RST) and reconnect.
    socket.setHeartbeatIvl(5_000);
    socket.setHeartbeatTimeout(15_000);
    if (curve != null) {
      socket.setCurveServerKey(curve.serverPublicKey());
      socket.setCurvePublicKey(curve.publicKey());
      socket.setCurveSecretKey(curve.secretKey());
    }
  }

  private void loop(ZMQ.Socket socket) {
    long next = System.nanoTime() + intervalNanos;
    while (true) {
      long ticket;
      boolean last;
      boolean asked;
      synchronized (lock) {
        while (!stopping && requested == served) {
          long left = next - System.nanoTime();
          if (left <= 0) {
            break;
          }
          waitOn(left);
        }
        ticket = requested;
        last = stopping;
        asked = requested != served;
      }
      long started = System.nanoTime();
      ship(socket, last, last || asked);
      synchronized (lock) {
        served = Math.max(served, ticket);
        lock.notifyAll();
      }
      if (last) {
        // Deliver within what is left of the close timeout, then give up.
        long left = closeTimeout.toMillis() - (System.nanoTime() - started) / 1_000_000;
        socket.setLinger((int) Math.max(0, left));
        return;
      }
      next = System.nanoTime() + intervalNanos;
    }
  }

  /**
   * Sends the next state; if {@code patient}, waits up to the close timeout for the previous
   * one to leave, else drops this one at once when the previous one is still waiting.
   */
  private void ship(ZMQ.Socket socket, boolean last, boolean patient) {
    byte[] frame;
    try {
      frame = registry.nextFrame(last);
    } catch (RuntimeException e) {
      failures.log(Level.ERROR, "taking the state of the registry failed; retrying next flush: "
          + e);
      return;
    }
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, closeTimeout.toMillis());
    socket.setSendTimeOut(patient ? timeoutMillis : 0);
    for (byte[] out : faults.onSend(frame)) {
      try {
        if (!socket.send(out, patient ? 0 : ZMQ.DONTWAIT)) {
          failures.log(Level.WARNING, "dropped a state message for " + endpoint
              + ": the previous one is still undelivered (aggregator down or slow; 0MQ error "
              + socket.errno() + "); each later flush carries every count again");
        }
      } catch (ZMQException e) {
        failures.log(Level.WARNING, "sending to " + endpoint + " failed: " + e
            + "; the next flush sends the state again");
      }
    }
  }

  /** Waits on {@link #lock}, which the caller holds, for at most {@code nanos}. */
  private void waitOn(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(lock, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
