package dev.tapes.distributed;

import dev.tapes.Clock;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process's proxy registry for distributed mode: a {@link Registry} whose state is shipped
 * to a {@link RegistryAggregator}, which merges every process and does the reporting (the
 * seed's {@code DistributedRegistry}).
 *
 * <pre>{@code
 * DistributedRegistry registry = new DistributedRegistry("tcp://metrics-host:5557");
 * Timer timer = registry.timer("my.timer");
 * registry.connect();             // after forking, if the process forks
 * try (Timer.Context context = timer.time()) {
 *   handle(request);
 * }
 * registry.close();               // ships the last state
 * }</pre>
 *
 * <p>Recording is local and costs exactly what it costs in a plain registry: this class adds
 * nothing to the metrics' write path. Once {@link #connect() connected}, a background thread
 * ships the registry's cumulative state (every metric's {@link #snapshot()}, gauges sampled
 * then) every flush interval (1 s by default), and {@link #close()} ships it a last time. With
 * the aggregator down the proxy holds at most one pending state, never blocks the application,
 * and catches up as soon as the aggregator is back, since every state carries all counts so
 * far.
 *
 * <p>Each object is a new <i>instance</i> to the aggregator (a random 64-bit id): a restarted
 * process starts from zero without lowering any cluster total. {@link #getStats()} and
 * {@link #snapshot()} show this process only.
 *
 * <p>On {@link #connect()} a JVM shutdown hook is registered that closes the registry (so a
 * normal exit ships the last state); {@link Builder#closeOnShutdown} turns it off.
 */
public final class DistributedRegistry extends Registry {

  /** The aggregator's default endpoint: loopback, port 5557. */
  public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5557";

  /** How often the state is shipped by default. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

  /** How long {@link #close()} waits by default for the last state to be delivered. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(DistributedRegistry.class.getName());

  private final String endpoint;
  private final Duration flushInterval;
  private final Duration closeTimeout;
  private final Flusher.CurveClient curve;
  private final boolean closeOnShutdown;
  private final FrameFaults faults;
  private final long instanceId = randomInstanceId();
  private final AtomicLong sequence = new AtomicLong();
  private volatile String processName;
  private final Object lifecycle = new Object();
  /** Guarded by {@link #lifecycle}. */
  private Flusher flusher;
  private boolean closed;
  private Thread shutdownHook;

  /** A proxy for the aggregator at {@link #DEFAULT_ENDPOINT}. */
  public DistributedRegistry() {
    this(builder(DEFAULT_ENDPOINT));
  }

  /** A proxy for the aggregator at {@code endpoint}, such as {@code tcp://metrics:5557}. */
  public DistributedRegistry(String endpoint) {
    this(builder(endpoint));
  }

  private DistributedRegistry(Builder settings) {
    super(settings.registrySettings());
    this.endpoint = settings.endpoint;
    this.flushInterval = settings.flushInterval;
    this.closeTimeout = settings.closeTimeout;
    this.curve = settings.curve;
    this.closeOnShutdown = settings.closeOnShutdown;
    this.faults = settings.faults;
    this.processName = settings.processName;
  }

  /**
   * Settings for a proxy of the aggregator at {@code endpoint}: flush interval, CURVE keys and
   * the usual registry settings. (Named apart from {@link Registry#builder()}, which builds a
   * plain registry.)
   */
  public static Builder builder(String endpoint) {
    return new Builder(endpoint);
  }

  /**
   * Starts shipping state to the aggregator. Call it once the process is what it will be (the
   * seed's rule: after {@code fork()}); recording before is kept and shipped with the first
   * flush. Connecting does not wait for the aggregator: 0MQ connects and reconnects in the
   * background. Calling it again does nothing.
   *
   * @throws IllegalArgumentException if the endpoint is malformed
   * @throws IllegalStateException if the registry is closed
   */
  public void connect() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("the registry is closed");
      }
      if (flusher != null) {
        return;
      }
      Flusher started = new Flusher(this, endpoint, flushInterval, closeTimeout, curve, faults);
      started.start();
      flusher = started;
      if (closeOnShutdown) {
        shutdownHook = new Thread(this::close, "tapes-distributed-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      }
    }
  }

  /**
   * Ships the current state now, without waiting for the interval, and returns once it is
   * handed to 0MQ (delivery itself is asynchronous). If the previous state has not left yet
   * (aggregator down or slow), waits up to the close timeout for it, then drops this one.
   *
   * @throws IllegalStateException if the registry is not connected or closed
   */
  public void flush() {
    Flusher current;
    synchronized (lifecycle) {
      current = flusher;
      if (current == null || closed) {
        throw new IllegalStateException(closed ? "the registry is closed"
            : "the registry is not connected");
      }
    }
    current.flushNow();
  }

  /**
   * Ships the last state (marked last, so the aggregator drops this process from gauges at
   * once), waits up to the close timeout for 0MQ to deliver it, and stops shipping and
   * ticking. Metrics keep working locally. Calling it again does nothing.
   */
  @Override
  public void close() {
    Flusher running;
    Thread hook;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      running = flusher;
      hook = shutdownHook;
    }
    if (running != null) {
      running.stop();
    }
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        LOG.log(Level.DEBUG, "JVM shutting down; the hook stays registered");
      }
    }
    super.close();
  }

  /** The aggregator's endpoint. */
  public String getEndpoint() {
    return endpoint;
  }

  public Duration getFlushInterval() {
    return flushInterval;
  }

  /** This instance's id as the aggregator sees it: 16 hexadecimal digits. */
  public String getInstanceId() {
    return String.format("%016x", instanceId);
  }

  /**
   * The name the aggregator shows this process's gauges under (dots and blanks become
   * {@code _}): {@code <host>-<pid>} unless configured.
   */
  public String getProcessName() {
    String name = processName;
    if (name == null) {
      name = defaultProcessName();
      processName = name;
    }
    return name;
  }

  /**
   * The next state message: this registry's snapshot, stamped with the instance and the next
   * sequence number. Used by the flusher thread, and by tests to drive an aggregator without
   * sockets.
   */
  byte[] nextFrame(boolean last) {
    RegistrySnapshot state = snapshot();
    // Taken after the snapshot, in the one thread that ships: a higher number is newer state.
    long next = sequence.incrementAndGet();
    return WireCodec.encode(new StateMessage(instanceId, next, last, getProcessName(), state));
  }

  long instanceId() {
    return instanceId;
  }

  private static long randomInstanceId() {
    // UUID.randomUUID draws from SecureRandom: distinct across processes and restarts.
    UUID uuid = UUID.randomUUID();
    return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
  }

  /** Host and pid; resolved on first use, which is the flusher thread, off the app's path. */
  private static String defaultProcessName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }

  /** Settings of a {@link DistributedRegistry}. */
  public static final class Builder {

    private final String endpoint;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private String processName;
    private Flusher.CurveClient curve;
    private boolean closeOnShutdown = true;
    private FrameFaults faults = FrameFaults.NONE;
    private final Registry.Builder registry = Registry.builder();

    private Builder(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** How often the state is shipped, at least 10 ms; 1 s by default. */
    public Builder flushInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(Duration.ofMillis(10)) < 0) {
        throw new IllegalArgumentException("flush interval must be at least 10ms, was "
            + interval);
      }
      this.flushInterval = interval;
      return this;
    }

    /**
     * How long {@link #close()} waits for the last state to reach the aggregator (0MQ's linger)
     * before giving up; 2 s by default, zero not to wait.
     */
    public Builder closeTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("close timeout must not be negative: " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /**
     * The name the aggregator shows this process's gauges under; {@code <host>-<pid>} by
     * default. At most 256 bytes of UTF-8.
     */
    public Builder processName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          > WireCodec.MAX_PROCESS_BYTES) {
        throw new IllegalArgumentException("process name longer than "
            + WireCodec.MAX_PROCESS_BYTES + " bytes");
      }
      this.processName = name;
      return this;
    }

    /**
     * Authenticates to an aggregator that requires CURVE: its public key, and this proxy's key
     * pair, whose public key the aggregator must allow. All keys are Z85 text.
     *
     * @throws IllegalArgumentException if a key is not 40 characters of Z85
     */
    public Builder curve(String serverPublicKey, CurveKeyPair client) {
      Objects.requireNonNull(client, "client");
      this.curve = new Flusher.CurveClient(CurveKeyPair.decode(serverPublicKey,
          "server public key"), CurveKeyPair.decode(client.publicKey(), "public key"),
          CurveKeyPair.decode(client.secretKey(), "secret key"));
      return this;
    }

    /** Whether {@link #connect()} registers a shutdown hook that closes the registry. */
    public Builder closeOnShutdown(boolean close) {
      this.closeOnShutdown = close;
      return this;
    }

    /** The clock of rates, windows and timers; see {@link Registry.Builder#clock}. */
    public Builder clock(Clock clock) {
      registry.clock(clock);
      return this;
    }

    /** The window of histogram and timer quantiles; see {@link Registry.Builder#window}. */
    public Builder window(Duration window) {
      registry.window(window);
      return this;
    }

    /** The most metrics the registry holds; see {@link Registry.Builder#maxMetrics}. */
    public Builder maxMetrics(int maxMetrics) {
      registry.maxMetrics(maxMetrics);
      return this;
    }

    /** The scheduler that ticks the registry; see {@link Registry.Builder#heartbeatScheduler}. */
    public Builder heartbeatScheduler(ScheduledExecutorService scheduler) {
      registry.heartbeatScheduler(scheduler);
      return this;
    }

    /** Test seam: what becomes of each frame on its way to the socket. */
    Builder faults(FrameFaults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public DistributedRegistry build() {
      return new DistributedRegistry(this);
    }

    private Registry.Builder registrySettings() {
      return registry;
    }
  }
}
