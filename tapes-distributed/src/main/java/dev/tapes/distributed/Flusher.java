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
 * <p><b>Bounded, never blocking.</b> The socket is a PUSH with {@code ZMQ_CONFLATE}: its
 * outgoing queue holds one message, the newest, whatever the aggregator's state. While the
 * aggregator is down the proxy therefore keeps exactly one state (one entry per metric) in
 * memory, sends never block ({@code DONTWAIT} besides), and recording is untouched: it happens
 * on application threads into the registry, never here. Cumulative state makes the dropped
 * older messages harmless: the newest one supersedes them.
 */
final class Flusher implements Runnable {

  private static final System.Logger LOG = System.getLogger(Flusher.class.getName());
  /** How long {@link #flushNow()} waits for the thread before giving up. */
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  private final DistributedRegistry registry;
  private final String endpoint;
  private final long intervalNanos;
  private final Duration closeTimeout;
  private final CurveClient curve;
  private final FrameFaults faults;
  private final LogLimiter failures;
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
      long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
      while (served < ticket && !finished) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the flusher did not answer within " + FLUSH_WAIT);
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
    // Keep only the newest state: bounded memory while the aggregator is away.
    socket.setConflate(true);
    // On close, give the last state this long to reach the aggregator.
    socket.setLinger(closeTimeout.toMillis());
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
      }
      ship(socket, last);
      synchronized (lock) {
        served = Math.max(served, ticket);
        lock.notifyAll();
      }
      if (last) {
        return;
      }
      next = System.nanoTime() + intervalNanos;
    }
  }

  private void ship(ZMQ.Socket socket, boolean last) {
    byte[] frame;
    try {
      frame = registry.nextFrame(last);
    } catch (RuntimeException e) {
      failures.log(Level.ERROR, "taking the state of the registry failed; retrying next flush: "
          + e);
      return;
    }
    for (byte[] out : faults.onSend(frame)) {
      try {
        if (!socket.send(out, ZMQ.DONTWAIT)) {
          failures.log(Level.WARNING, "0MQ refused a state message for " + endpoint
              + " (error " + socket.errno() + "); the next flush sends the state again");
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
