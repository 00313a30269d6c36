package dev.tapes;

import dev.tapes.exposition.StatsTree;
import dev.tapes.sketch.ExponentialLayout;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates, holds and reports metrics by dotted name: the seed's {@code tapes.registry.Registry}.
 *
 * <pre>{@code
 * Registry registry = new Registry();
 * Timer latency = registry.timer("my.http.endpoints.WidgetResource.latency");
 * registry.getStats(); // {my={http={endpoints={WidgetResource={latency={count=0, ...}}}}}}
 * }</pre>
 *
 * <p>Asking twice for the same name returns the same metric; separate registries hold separate
 * metrics. Every method is safe to call from many threads at once. Names are validated once,
 * when a metric is created: a malformed name, a name already used by another kind of metric,
 * and a name that would be both a metric and the parent of another are refused with an
 * {@link IllegalArgumentException}.
 *
 * <p>A registry holds at most {@link Builder#maxMetrics} metrics (10,000 by default), so that
 * a runaway name template cannot exhaust the heap: past it, creation returns a working but
 * unregistered metric, logs one warning and counts the refusal in the registry's own counter
 * {@value #REFUSED_METRIC}.
 *
 * <p>On the system clock (the default), a registry ticks its rates and windows about once a
 * second on a shared daemon thread or the scheduler it was given, so that recording reads no
 * clock; {@link #close()} stops that. On any other clock ({@link ManualClock} in tests, or one of
 * the application's own) there is no heartbeat: recording reads that clock and catches up when
 * time has moved, so windows and rates follow the clock whatever it does.
 *
 * <p>A registry is a {@link SnapshotSource}: every report is made from its {@link #snapshot()}.
 * Its methods are final (only {@link #close()} may be extended, by the distributed proxy), so a
 * CDI container cannot proxy it: produce a registry bean {@code @Singleton} or
 * {@code @Dependent}, not {@code @ApplicationScoped}.
 */
public class Registry implements SnapshotSource, AutoCloseable {

  /** The default length of histogram and timer windows. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

  /** The default bound on the number of metrics. */
  public static final int DEFAULT_MAX_METRICS = 10_000;

  /** The counter of metrics refused because the registry was full. */
  public static final String REFUSED_METRIC = "tapes.registry.refused";

  private static final System.Logger LOG = System.getLogger(Registry.class.getName());

  private final Clock clock;
  /** Whether recording reads the clock: every clock but the system's, which a heartbeat watches. */
  private final boolean clockChecked;
  private final Duration window;
  /** The sliding window of this registry's length, resolved once so lookups allocate nothing. */
  private final Reservoir.SlidingWindow defaultReservoir;
  private final int maxMetrics;
  private final ConcurrentHashMap<String, Instrument> metrics = new ConcurrentHashMap<>();
  private final Object registration = new Object();
  /** Guarded by {@link #registration}. */
  private final MetricNames names = new MetricNames();
  /** Copy-on-write, sorted by name: registration is rare, iteration happens on every report. */
  private volatile Instrument[] sorted = new Instrument[0];
  /** Created on the first refusal. Guarded by {@link #registration}. */
  private Counter refused;
  private volatile ScheduledFuture<?> heartbeat;

  /** A registry on the system clock with the default window and bound. */
  public Registry() {
    this(builder());
  }

  /** A registry on {@code clock} with the default window and bound. */
  public Registry(Clock clock) {
    this(builder().clock(clock));
  }

  /** A registry with the builder's settings; see {@link #builder()}. */
  protected Registry(Builder settings) {
    this.clock = settings.clock;
    this.clockChecked = clock != SystemClock.INSTANCE;
    this.window = settings.window;
    this.defaultReservoir = Reservoir.SlidingWindow.REGISTRY_DEFAULT.resolve(window);
    this.maxMetrics = settings.maxMetrics;
    if (!clockChecked) {
      this.heartbeat = Heartbeat.start(this, settings.heartbeatScheduler);
    }
  }

  /** Settings beyond the clock: window, bound on metrics, the scheduler that ticks. */
  public static Builder builder() {
    return new Builder();
  }

  /** Creates or returns the timer {@code name}, with the default reservoir if created. */
  public final Timer timer(String name) {
    Timer existing = existing(name, Timer.class);
    return existing != null ? existing
        : create(name, Timer.class, n -> new Timer(n, this, timerStore(defaultReservoir())));
  }

  /**
   * Creates or returns the timer {@code name} keeping its durations in {@code reservoir}.
   *
   * @throws IllegalArgumentException if the timer exists with another reservoir
   */
  public final Timer timer(String name, Reservoir reservoir) {
    Reservoir resolved = resolve(reservoir);
    Timer timer = existing(name, Timer.class);
    if (timer == null) {
      timer = create(name, Timer.class, n -> new Timer(n, this, timerStore(resolved)));
    }
    checkReservoir(name, timer.getReservoir(), resolved);
    return timer;
  }

  /** Creates or returns the meter {@code name}. */
  public final Meter meter(String name) {
    Meter existing = existing(name, Meter.class);
    return existing != null ? existing : create(name, Meter.class, n -> new Meter(n, this));
  }

  /** Creates or returns the counter {@code name}. */
  public final Counter counter(String name) {
    Counter existing = existing(name, Counter.class);
    return existing != null ? existing : create(name, Counter.class, Counter::new);
  }

  /** Creates or returns the histogram {@code name}, with the default reservoir if created. */
  public final Histogram histogram(String name) {
    Histogram existing = existing(name, Histogram.class);
    return existing != null ? existing
        : create(name, Histogram.class, n -> new Histogram(n, this, histogramStore(defaultReservoir())));
  }

  /**
   * Creates or returns the histogram {@code name} keeping its values in {@code reservoir}.
   *
   * @throws IllegalArgumentException if the histogram exists with another reservoir
   */
  public final Histogram histogram(String name, Reservoir reservoir) {
    Reservoir resolved = resolve(reservoir);
    Histogram histogram = existing(name, Histogram.class);
    if (histogram == null) {
      histogram = create(name, Histogram.class, n -> new Histogram(n, this, histogramStore(resolved)));
    }
    checkReservoir(name, histogram.getReservoir(), resolved);
    return histogram;
  }

  /**
   * Creates the gauge {@code name} reading {@code producer}, or returns the existing gauge of
   * that name unchanged (with its own producer, as the seed does).
   */
  @SuppressWarnings("unchecked")
  public final <T extends Number> Gauge<T> gauge(String name, Supplier<T> producer) {
    Objects.requireNonNull(producer, "gauge producer");
    Gauge<T> existing = existing(name, Gauge.class);
    return existing != null ? existing : create(name, Gauge.class, n -> new Gauge<>(n, producer));
  }

  /**
   * The current values of every metric, as nested maps split on the dots of their names (the
   * seed's {@code get_stats()}). Leaves hold the seed's keys: counters and gauges {@code value};
   * meters {@code count, m1, m5, m15}; histograms {@code count, min, max, mean, stddev, q50,
   * q75, q95, q98, q99, q999}; timers both sets, durations in seconds. An empty window reports
   * {@code NaN}. The maps are unmodifiable and ordered by name.
   */
  public final Map<String, Object> getStats() {
    return StatsTree.of(snapshot());
  }

  /** Every metric's state at this moment, sorted by name: what all reporting works from. */
  @Override
  public final RegistrySnapshot snapshot() {
    Instrument[] all = sorted;
    return snapshotOf(all, 0, all.length, -1);
  }

  /**
   * The metrics named {@code path} or below it, sampled alone: a gauge elsewhere in the tree is
   * not read.
   */
  @Override
  public final RegistrySnapshot snapshot(String path) {
    Objects.requireNonNull(path, "path");
    Instrument[] all = sorted;
    if (path.isEmpty()) {
      return snapshotOf(all, 0, all.length, -1);
    }
    int[] range = RegistrySnapshot.range(Arrays.asList(all), path, Instrument::name);
    return range == null ? RegistrySnapshot.empty() : snapshotOf(all, range[0], range[1], range[2]);
  }

  /** The snapshot of {@code all[from, to)}, after {@code all[exact]} unless it is -1. */
  private RegistrySnapshot snapshotOf(Instrument[] all, int from, int to, int exact) {
    long now = clock.nanoTime();
    List<MetricSnapshot> snapshots = new ArrayList<>(to - from + 1);
    if (exact >= 0) {
      snapshots.add(all[exact].snapshot(now));
    }
    for (int i = from; i < to; i++) {
      snapshots.add(all[i].snapshot(now));
    }
    return new RegistrySnapshot(snapshots);
  }

  /** The registered metrics by name, in name order; an unmodifiable copy. */
  public final Map<String, Metric> getMetrics() {
    Map<String, Metric> byName = new LinkedHashMap<>();
    for (Instrument metric : sorted) {
      byName.put(metric.name(), (Metric) metric);
    }
    return Collections.unmodifiableMap(byName);
  }

  public final Clock getClock() {
    return clock;
  }

  /** The window of histograms and timers that use the default reservoir. */
  public final Duration getWindow() {
    return window;
  }

  /** Whether its metrics read the clock when they record (see the class comment). */
  final boolean isClockChecked() {
    return clockChecked;
  }

  /**
   * Ticks this registry from now on with {@code scheduler} (for example a container's
   * {@code ManagedScheduledExecutorService} while an application runs), or with the shared
   * daemon thread if it is null, replacing the heartbeat that ran before, if any. A registry on
   * any other clock than the system's needs no heartbeat and ignores this.
   */
  public final void startHeartbeat(ScheduledExecutorService scheduler) {
    if (clockChecked) {
      return;
    }
    synchronized (registration) {
      stopHeartbeat();
      heartbeat = Heartbeat.start(this, scheduler);
    }
  }

  /**
   * Stops the background ticking; {@link #startHeartbeat} starts it again. Metrics keep working
   * meanwhile and catch up whenever they are read. Idempotent.
   */
  @Override
  public void close() {
    synchronized (registration) {
      stopHeartbeat();
    }
  }

  private void stopHeartbeat() {
    ScheduledFuture<?> running = heartbeat;
    heartbeat = null;
    if (running != null) {
      running.cancel(false);
    }
  }

  /** Brings every metric's rates and windows up to {@code nowNanos}: the heartbeat's work. */
  final void tick(long nowNanos) {
    for (Instrument metric : sorted) {
      metric.tick(nowNanos);
    }
  }

  /** A timer's store: nanoseconds, bucketed as the seconds they are exported in. */
  private ValueStore timerStore(Reservoir reservoir) {
    return ValueStore.create(reservoir, ExponentialLayout.NANOS_AS_SECONDS, clock,
        clock.nanoTime());
  }

  /** A histogram's store: values bucketed in their own unit. */
  private ValueStore histogramStore(Reservoir reservoir) {
    return ValueStore.create(reservoir, ExponentialLayout.UNIT, clock, clock.nanoTime());
  }

  private Reservoir defaultReservoir() {
    return defaultReservoir;
  }

  /** {@code reservoir} with the registry's window filled in, if it left it open. */
  private Reservoir resolve(Reservoir reservoir) {
    Objects.requireNonNull(reservoir, "reservoir");
    return reservoir instanceof Reservoir.SlidingWindow sliding && sliding.window() == null
        ? defaultReservoir : reservoir;
  }

  /**
   * The metric {@code name} if it exists, else null: a lookup that allocates nothing, for code
   * that asks for its metrics per request.
   *
   * @throws IllegalArgumentException if {@code name} is another type of metric
   */
  @SuppressWarnings("unchecked")
  private <M extends Metric> M existing(String name, Class<? super M> type) {
    Objects.requireNonNull(name, "metric name");
    Instrument metric = metrics.get(name);
    if (metric == null) {
      return null;
    }
    return (M) checkType(name, metric, type);
  }

  private <M extends Metric> M create(String name, Class<? super M> type,
      Function<String, ? extends Instrument> factory) {
    @SuppressWarnings("unchecked")
    M created = (M) checkType(name, register(MetricNames.validate(name), factory), type);
    return created;
  }

  private static Object checkType(String name, Instrument metric, Class<?> type) {
    if (!type.isInstance(metric)) {
      throw new IllegalArgumentException("metric '" + name + "' is already a "
          + MetricType.of((Metric) metric).name().toLowerCase(Locale.ROOT)
          + "; it cannot also be a " + type.getSimpleName().toLowerCase(Locale.ROOT));
    }
    return metric;
  }

  private static void checkReservoir(String name, Reservoir existing, Reservoir asked) {
    if (!existing.equals(asked)) {
      throw new IllegalArgumentException("metric '" + name + "' already exists with reservoir "
          + existing + ", not " + asked);
    }
  }

  private Instrument register(String name, Function<String, ? extends Instrument> factory) {
    synchronized (registration) {
      Instrument existing = metrics.get(name);
      if (existing != null) {
        return existing;
      }
      names.checkFits(name);
      Instrument metric = factory.apply(name);
      if (metrics.size() >= maxMetrics) {
        countRefusal(name);
        return metric;
      }
      add(metric);
      return metric;
    }
  }

  /** Called under {@link #registration}. */
  private void add(Instrument metric) {
    String name = metric.name();
    metrics.put(name, metric);
    names.add(name);
    Instrument[] current = sorted;
    int position = -Arrays.binarySearch(current, metric,
        (a, b) -> a.name().compareTo(b.name())) - 1;
    Instrument[] next = new Instrument[current.length + 1];
    System.arraycopy(current, 0, next, 0, position);
    next[position] = metric;
    System.arraycopy(current, position, next, position + 1, current.length - position);
    sorted = next;
  }

  /** Called under {@link #registration}. */
  private void countRefusal(String name) {
    if (refused == null) {
      refused = new Counter(REFUSED_METRIC);
      try {
        names.checkFits(REFUSED_METRIC);
        if (!metrics.containsKey(REFUSED_METRIC)) {
          add(refused);
        }
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "cannot register " + REFUSED_METRIC + ": " + e.getMessage());
      }
      LOG.log(Level.WARNING, "metrics registry is full (" + maxMetrics + " metrics): '" + name
          + "' and every later new name work but are neither registered nor reported; "
          + "raise maxMetrics or fix the name that keeps changing. Refusals are counted in "
          + REFUSED_METRIC);
    }
    refused.increment();
  }


  /** Settings of a {@link Registry}. */
  public static final class Builder {

    private Clock clock = Clock.system();
    private Duration window = DEFAULT_WINDOW;
    private int maxMetrics = DEFAULT_MAX_METRICS;
    private ScheduledExecutorService heartbeatScheduler;

    private Builder() {}

    /** The clock of every rate, window and timer; {@link Clock#system()} by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The window of histogram and timer quantiles, at least 1 s; 60 s by default. */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      new Reservoir.SlidingWindow(window);
      this.window = window;
      return this;
    }

    /** The most metrics the registry holds, at least 1; 10,000 by default. */
    public Builder maxMetrics(int maxMetrics) {
      if (maxMetrics < 1) {
        throw new IllegalArgumentException("maxMetrics must be at least 1, was " + maxMetrics);
      }
      this.maxMetrics = maxMetrics;
      return this;
    }

    /**
     * The scheduler that ticks the registry about once a second, for example a container's
     * {@code ManagedScheduledExecutorService}; by default a shared daemon thread.
     */
    public Builder heartbeatScheduler(ScheduledExecutorService scheduler) {
      this.heartbeatScheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    public Registry build() {
      return new Registry(this);
    }
  }
}
