package dev.tapes.distributed;

import dev.tapes.Clock;
import dev.tapes.Counter;
import dev.tapes.Registry;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Receives the state of every {@link DistributedRegistry} and exposes the merged result as one
 * {@link #registry()}, which reporters read as they read a registry (the seed's {@code
 * RegistryAggregator}).
 *
 * <pre>{@code
 * RegistryAggregator aggregator = new RegistryAggregator("tcp://0.0.0.0:5557");
 * new HttpReporter(8889, aggregator.registry()).start();
 * aggregator.start();
 * }</pre>
 *
 * <p>Counts are exact sums over every process that ever reported, quantiles come from merged
 * sketches, rates are sums of live processes' rates, and gauges are shown per process and
 * summed; see {@link ClusterState} for the rules and {@code docs/DESIGN.md} for the protocol.
 * Lost, repeated and reordered messages do not change totals; with a {@link
 * Builder#stateFile state file} neither does a restart of the aggregator.
 *
 * <p>The aggregator's own metrics sit under {@code tapes.aggregator}: frames accepted,
 * rejected (malformed; logged at most once a minute), stale (repeated or overtaken), metrics
 * refused (name or type clash), authentication denials, state saves and failures, and the
 * numbers of live and known processes; and the transport's health: frames refused for a size
 * no peer may send, exceptions JeroMQ's I/O thread survived, and whether the transport is stuck
 * (see {@link #TRANSPORT_HEALTHY}).
 */
public final class RegistryAggregator implements AutoCloseable {

  /** The default endpoint: loopback, port 5557, where proxies connect by default. */
  public static final String DEFAULT_ENDPOINT = DistributedRegistry.DEFAULT_ENDPOINT;
  /** How long a proxy may stay silent and still count as live, by default. */
  public static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofSeconds(10);
  /** How long a silent proxy's counts are kept apart before they are folded, by default. */
  public static final Duration DEFAULT_RETIRE_AFTER = Duration.ofHours(24);
  /** How often the state file is rewritten while proxies report, by default. */
  public static final Duration DEFAULT_SAVE_INTERVAL = Duration.ofSeconds(5);
  /** The largest frame accepted by default: 64 MiB. */
  public static final long DEFAULT_MAX_FRAME_BYTES = 64L << 20;
  /** How long nothing may go through the transport before it counts as stuck. */
  private static final Duration TRANSPORT_DEADLINE = Duration.ofSeconds(10);

  public static final String FRAMES_ACCEPTED = "tapes.aggregator.frames.accepted";
  public static final String FRAMES_REJECTED = "tapes.aggregator.frames.rejected";
  public static final String FRAMES_STALE = "tapes.aggregator.frames.stale";
  public static final String METRICS_REFUSED = "tapes.aggregator.metrics.refused";
  public static final String AUTH_DENIED = "tapes.aggregator.auth.denied";
  public static final String STATE_SAVES = "tapes.aggregator.state.saves";
  public static final String STATE_FAILURES = "tapes.aggregator.state.failures";
  public static final String PROCESSES_LIVE = "tapes.aggregator.processes.live";
  public static final String PROCESSES_KNOWN = "tapes.aggregator.processes.known";
  /** Frames refused by the transport for a size outside 0 to the frame limit (negative ones). */
  public static final String TRANSPORT_REFUSED = "tapes.aggregator.transport.refused";
  /** Exceptions JeroMQ's I/O thread caught and survived, such as a malformed command's. */
  public static final String TRANSPORT_ERRORS = "tapes.aggregator.transport.errors";
  /** Times the transport was found stuck: its I/O thread dead, or nothing going through it. */
  public static final String TRANSPORT_FAILURES = "tapes.aggregator.transport.failures";
  /**
   * 1 while the transport serves peers (or is not started), 0 while it is stuck: no proxy is
   * heard then and the totals stay as they are, so alert on it, and restart the aggregator.
   */
  public static final String TRANSPORT_HEALTHY = "tapes.aggregator.transport.healthy";

  private static final System.Logger LOG = System.getLogger(RegistryAggregator.class.getName());
  private static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private final String endpoint;
  private final Clock clock;
  private final ClusterState state;
  private final ClusterMetrics registry;
  /** Null without a state file. */
  private final StateKeeper stateKeeper;
  private final long maxFrameBytes;
  private final byte[] serverSecretKey;
  private final Set<String> allowedKeys;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter stale;
  private final Counter refused;
  private final Counter denied;
  private final Counter transportRefused;
  private final Counter transportErrors;
  private final Counter transportFailures;
  private final boolean guardFrames;
  private final Runnable onTransportFailure;
  private final LogLimiter badFrames;
  private final LogLimiter clashes;
  private final LogLimiter denials;
  private final LogLimiter failures;
  private final Object lifecycle = new Object();
  /** Guarded by {@link #lifecycle}. */
  private Receiver receiver;
  /** Set with {@link #receiver}; volatile, as the health gauge reads it on reporter threads. */
  private volatile TransportWatchdog watchdog;
  private boolean stopped;
  private volatile String boundEndpoint;

  /** An aggregator on {@link #DEFAULT_ENDPOINT}. */
  public RegistryAggregator() {
    this(builder());
  }

  /** An aggregator binding {@code endpoint}, such as {@code tcp://0.0.0.0:5557}. */
  public RegistryAggregator(String endpoint) {
    this(builder().endpoint(endpoint));
  }

  private RegistryAggregator(Builder settings) {
    this.endpoint = settings.endpoint;
    this.clock = settings.clock;
    this.state = new ClusterState(settings.silenceTimeout, settings.retireAfter);
    this.maxFrameBytes = settings.maxFrameBytes;
    this.serverSecretKey = settings.serverSecretKey;
    this.allowedKeys = settings.allowedKeys;
    Registry own = new Registry(clock);
    this.accepted = own.counter(FRAMES_ACCEPTED);
    this.rejected = own.counter(FRAMES_REJECTED);
    this.stale = own.counter(FRAMES_STALE);
    this.refused = own.counter(METRICS_REFUSED);
    this.denied = own.counter(AUTH_DENIED);
    this.transportRefused = own.counter(TRANSPORT_REFUSED);
    this.transportErrors = own.counter(TRANSPORT_ERRORS);
    this.transportFailures = own.counter(TRANSPORT_FAILURES);
    this.guardFrames = settings.guardFrames;
    this.onTransportFailure = settings.onTransportFailure;
    Counter saves = own.counter(STATE_SAVES);
    Counter saveFailures = own.counter(STATE_FAILURES);
    own.gauge(PROCESSES_LIVE, () -> state.liveProcesses(clock.nanoTime()));
    own.gauge(PROCESSES_KNOWN, state::knownProcesses);
    own.gauge(TRANSPORT_HEALTHY, () -> transportHealthy() ? 1 : 0);
    this.registry = new ClusterMetrics(state, own);
    this.badFrames = new LogLimiter(LOG, clock, LOG_PERIOD);
    this.clashes = new LogLimiter(LOG, clock, LOG_PERIOD);
    this.denials = new LogLimiter(LOG, clock, LOG_PERIOD);
    this.failures = new LogLimiter(LOG, clock, LOG_PERIOD);
    if (settings.stateFile == null) {
      this.stateKeeper = null;
    } else {
      this.stateKeeper = new StateKeeper(new StateFile(settings.stateFile), state,
          settings.saveInterval, saves, saveFailures, failures, clock.nanoTime());
      refused.increment(stateKeeper.restore(clock.nanoTime()));
    }
  }

  /** Settings: endpoint, timeouts, state file, CURVE, frame limit, clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The merged view of every proxy, plus the aggregator's own metrics: hand it to reporters.
   * It exists from construction (with the totals of the state file, if any) and stays
   * readable after {@link #stop()}. It only reads: metrics are recorded into proxies.
   */
  public ClusterMetrics registry() {
    return registry;
  }

  /**
   * Binds the endpoint and starts receiving on a background thread.
   *
   * @throws IllegalStateException if the endpoint cannot be bound, or the aggregator was
   *     started before
   */
  public void start() {
    synchronized (lifecycle) {
      if (receiver != null || stopped) {
        throw new IllegalStateException("an aggregator starts once");
      }
      TransportWatchdog watching = new TransportWatchdog(clock, TRANSPORT_DEADLINE,
          serverSecretKey != null, transportErrors, transportFailures, onTransportFailure);
      Receiver started = new Receiver(this, endpoint, maxFrameBytes, serverSecretKey,
          serverSecretKey == null ? null : new ZapHandler(allowedKeys),
          guardFrames ? new FrameSizeGuard(maxFrameBytes, transportRefused) : null, watching);
      boundEndpoint = started.start();
      receiver = started;
      watchdog = watching;
    }
  }

  /**
   * Stops receiving, unbinds, and saves the state file if there is one. Idempotent. Returns
   * within a few seconds even if the transport is stuck (its threads are then left behind).
   */
  public void stop() {
    Receiver running;
    synchronized (lifecycle) {
      if (stopped) {
        return;
      }
      stopped = true;
      running = receiver;
    }
    if (running != null) {
      running.stop();
    }
    if (stateKeeper != null) {
      stateKeeper.save(clock.nanoTime());
    }
    registry.close();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * The endpoint bound, once started, with the actual port if the configured one was
   * {@code *} (as in {@code tcp://127.0.0.1:*}); the configured endpoint before.
   */
  public String getEndpoint() {
    String bound = boundEndpoint;
    return bound == null ? endpoint : bound;
  }

  private boolean transportHealthy() {
    TransportWatchdog watching = watchdog;
    return watching == null || watching.healthy();
  }

  /**
   * Decodes and applies one frame: what the receive loop does with each, and a seam for tests
   * that drive the aggregator without sockets. Never throws: bad input is counted and logged.
   */
  void accept(byte[] frame) {
    StateMessage message;
    try {
      message = WireCodec.decodeState(frame);
    } catch (WireFormatException e) {
      rejected.increment();
      badFrames.log(Level.WARNING, "rejected a frame of " + (frame == null ? 0 : frame.length)
          + " bytes: " + e.getMessage() + " (counted in " + FRAMES_REJECTED + ")");
      return;
    }
    try {
      ClusterState.Outcome outcome = state.apply(message, clock.nanoTime());
      if (outcome.conflicts() > 0) {
        refused.increment(outcome.conflicts());
        clashes.log(Level.WARNING, "process " + WireCodec.printable(message.process()) + ": "
            + outcome.conflict() + " (counted in " + METRICS_REFUSED + ")");
      }
      if (outcome.status() == ClusterState.Status.ACCEPTED) {
        accepted.increment();
        if (stateKeeper != null) {
          stateKeeper.changed(message.last());
        }
      } else {
        stale.increment();
      }
    } catch (RuntimeException e) {
      // A bug, not bad input: the loop must survive it all the same.
      rejected.increment();
      failures.log(Level.ERROR, "applying a state message failed: " + e);
    }
  }

  /** Called by the receive loop on every wake-up: folds old instances, saves if due. */
  void housekeep() {
    long now = clock.nanoTime();
    boolean changed = state.housekeep(now);
    if (stateKeeper != null) {
      stateKeeper.saveIfDue(changed, now);
    }
  }

  /** Authentication outcomes from the ZAP handler. */
  void authenticated(ZapHandler.Decision decision) {
    if (!decision.allowed()) {
      denied.increment();
      denials.log(Level.WARNING, "refused a proxy from " + decision.address() + " with "
          + (decision.publicKey() == null ? "no CURVE key" : "key " + decision.publicKey())
          + ": not an allowed key (counted in " + AUTH_DENIED + ")");
    }
  }

  /** Writes the state file now (tests); false if it failed or there is none. */
  boolean save() {
    return stateKeeper != null && stateKeeper.save(clock.nanoTime());
  }

  /** Settings of a {@link RegistryAggregator}. */
  public static final class Builder {

    private String endpoint = DEFAULT_ENDPOINT;
    private Clock clock = Clock.system();
    private Duration silenceTimeout = DEFAULT_SILENCE_TIMEOUT;
    private Duration retireAfter = DEFAULT_RETIRE_AFTER;
    private Duration saveInterval = DEFAULT_SAVE_INTERVAL;
    private Path stateFile;
    private long maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private byte[] serverSecretKey;
    private Set<String> allowedKeys = Set.of();
    private Runnable onTransportFailure = () -> { };
    private boolean guardFrames = true;

    private Builder() {}

    /**
     * The endpoint to bind, {@code tcp://address:port}; {@code tcp://127.0.0.1:*} picks a free
     * port ({@link #getEndpoint()} tells which). {@link #DEFAULT_ENDPOINT} if unset.
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The clock of timeouts, save intervals and the registry; the system clock if unset. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a proxy may stay silent and still count as live; 10 s by default. Past it its
     * gauges and rates leave the view and its window stops counting in quantiles, but its
     * counts stay. Keep it a few times the proxies' flush interval.
     */
    public Builder silenceTimeout(Duration timeout) {
      this.silenceTimeout = positive(timeout, "silence timeout");
      return this;
    }

    /**
     * How long a silent proxy is kept apart before its counts are folded into the retired
     * totals (bounding memory); 24 h by default. A proxy heard from again after that is
     * refused as retired (its later increments are lost), so keep it far above any outage.
     */
    public Builder retireAfter(Duration retireAfter) {
      this.retireAfter = positive(retireAfter, "retire-after");
      return this;
    }

    /**
     * Where to keep the totals across restarts: read when the aggregator is built, written
     * atomically every {@link #saveInterval} while proxies report, at once when a proxy
     * closes, and on {@link #stop()}. None by default: a restart then starts from zero.
     */
    public Builder stateFile(Path stateFile) {
      this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
      return this;
    }

    /** How often the state file is rewritten while state changes; 5 s by default. */
    public Builder saveInterval(Duration interval) {
      this.saveInterval = positive(interval, "save interval");
      return this;
    }

    /** The largest frame accepted, at least 1 KiB; 64 MiB by default. */
    public Builder maxFrameBytes(long maxFrameBytes) {
      if (maxFrameBytes < 1024) {
        throw new IllegalArgumentException("max frame bytes must be at least 1024, was "
            + maxFrameBytes);
      }
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    /**
     * Requires CURVE: traffic is encrypted and only proxies proving one of {@code
     * allowedClientKeys} may publish. Keys are Z85 text; see {@link CurveKeyPair}.
     *
     * @throws IllegalArgumentException if a key is malformed or no client key is allowed
     */
    public Builder curve(String serverSecretKey, Collection<String> allowedClientKeys) {
      Objects.requireNonNull(allowedClientKeys, "allowedClientKeys");
      if (allowedClientKeys.isEmpty()) {
        throw new IllegalArgumentException("CURVE authentication needs at least one allowed "
            + "client public key");
      }
      Set<String> keys = new LinkedHashSet<>();
      for (String key : allowedClientKeys) {
        CurveKeyPair.checkKey(key, "client public key");
        keys.add(key);
      }
      this.serverSecretKey = CurveKeyPair.decode(serverSecretKey, "server secret key");
      this.allowedKeys = keys;
      return this;
    }

    /**
     * What to run, once, when the transport is found stuck (JeroMQ's I/O thread dead or not
     * passing frames for 10 s). It is logged and {@link RegistryAggregator#TRANSPORT_HEALTHY}
     * reads 0 anyway, but a stuck 0MQ context cannot be closed nor its port bound again in the
     * same JVM, so the only cure is a restart of the process (the aggregator command exits with
     * status 3). Runs on the receive thread: hand the work to another thread. Nothing by
     * default.
     */
    public Builder onTransportFailure(Runnable action) {
      this.onTransportFailure = Objects.requireNonNull(action, "action");
      return this;
    }

    /** Off only in tests that show what {@link FrameSizeGuard} prevents. */
    Builder guardFrames(boolean guard) {
      this.guardFrames = guard;
      return this;
    }

    public RegistryAggregator build() {
      return new RegistryAggregator(this);
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
