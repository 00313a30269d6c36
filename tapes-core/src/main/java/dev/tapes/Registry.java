package dev.tapes;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Unless built on a {@link ManualClock}, a registry ticks its rates and windows about once
 * a second on a shared daemon thread or the scheduler it was given; {@link #close()} stops
 * that. Subclasses (the distributed proxy and aggregator) may override {@link #snapshot()};
 * every report is made from it.
 */
public class Registry implements AutoCloseable {

  /** The default length of histogram and timer windows. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

  /** The default bound on the number of metrics. */
  public static final int DEFAULT_MAX_METRICS = 10_000;

  /** The counter of metrics refused because the registry was full. */
  public static final String REFUSED_METRIC = "tapes.registry.refused";

  private static final System.Logger LOG = System.getLogger(Registry.class.getName());

  private final Clock clock;
  private final Duration window;
  private final int maxMetrics;
  private final ConcurrentHashMap<String, Metric> metrics = new ConcurrentHashMap<>();
  private final Object registration = new Object();
  /** Guarded by {@link #registration}. */
  private final MetricNames names = new MetricNames();
  /** Copy-on-write, sorted by name: registration is rare, iteration happens on every report. */
  private volatile Metric[] sorted = new Metric[0];
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
    this.window = settings.window;
    this.maxMetrics = settings.maxMetrics;
    if (clock instanceof ManualClock manual) {
      manual.register(this);
    } else {
      this.heartbeat = Heartbeat.start(this, settings.heartbeatScheduler);
    }
  }

  /** Settings beyond the clock: window, bound on metrics, the scheduler that ticks. */
  public static Builder builder() {
    return new Builder();
  }

  /** Creates or returns the timer {@code name}, with the default reservoir if created. */
  public Timer timer(String name) {
    return getOrCreate(name, Timer.class, null, n -> new Timer(n, this, store(defaultReservoir())));
  }

  /**
   * Creates or returns the timer {@code name} keeping its durations in {@code reservoir}.
   *
   * @throws IllegalArgumentException if the timer exists with another reservoir
   */
  public Timer timer(String name, Reservoir reservoir) {
    Reservoir resolved = resolve(reservoir);
    return getOrCreate(name, Timer.class, resolved, n -> new Timer(n, this, store(resolved)));
  }

  /** Creates or returns the meter {@code name}. */
  public Meter meter(String name) {
    return getOrCreate(name, Meter.class, null, n -> new Meter(n, this));
  }

  /** Creates or returns the counter {@code name}. */
  public Counter counter(String name) {
    return getOrCreate(name, Counter.class, null, Counter::new);
  }

  /** Creates or returns the histogram {@code name}, with the default reservoir if created. */
  public Histogram histogram(String name) {
    return getOrCreate(name, Histogram.class, null,
        n -> new Histogram(n, this, store(defaultReservoir())));
  }

  /**
   * Creates or returns the histogram {@code name} keeping its values in {@code reservoir}.
   *
   * @throws IllegalArgumentException if the histogram exists with another reservoir
   */
  public Histogram histogram(String name, Reservoir reservoir) {
    Reservoir resolved = resolve(reservoir);
    return getOrCreate(name, Histogram.class, resolved,
        n -> new Histogram(n, this, store(resolved)));
  }

  /**
   * Creates the gauge {@code name} reading {@code producer}, or returns the existing gauge of
   * that name unchanged (with its own producer, as the seed does).
   */
  @SuppressWarnings("unchecked")
  public <T extends Number> Gauge<T> gauge(String name, Supplier<T> producer) {
    Objects.requireNonNull(producer, "gauge producer");
    return getOrCreate(name, Gauge.class, null, n -> new Gauge<>(n, producer));
  }

  /**
   * The current values of every metric, as nested maps split on the dots of their names (the
   * seed's {@code get_stats()}). Leaves hold the seed's keys: counters and gauges {@code value};
   * meters {@code count, m1, m5, m15}; histograms {@code count, min, max, mean, stddev, q50,
   * q75, q95, q98, q99, q999}; timers both sets, durations in seconds. An empty window reports
   * {@code NaN}. The maps are unmodifiable and ordered by name.
   */
  public Map<String, Object> getStats() {
    return snapshot().toStats();
  }

  /** Every metric's state at this moment, sorted by name: what all reporting works from. */
  public RegistrySnapshot snapshot() {
    long now = clock.nanoTime();
    Metric[] all = sorted;
    List<MetricSnapshot> snapshots = new ArrayList<>(all.length);
    for (Metric metric : all) {
      snapshots.add(snapshotOf(metric, now));
    }
    return new RegistrySnapshot(snapshots);
  }

  /** The registered metrics by name, in name order; an unmodifiable copy. */
  public Map<String, Metric> getMetrics() {
    Map<String, Metric> byName = new LinkedHashMap<>();
    for (Metric metric : sorted) {
      byName.put(metric.getName(), metric);
    }
    return Collections.unmodifiableMap(byName);
  }

  public Clock getClock() {
    return clock;
  }

  /** The window of histograms and timers that use the default reservoir. */
  public Duration getWindow() {
    return window;
  }

  /**
   * Ticks this registry from now on with {@code scheduler} (for example a container's
   * {@code ManagedScheduledExecutorService} while an application runs), or with the shared
   * daemon thread if it is null, replacing the heartbeat that ran before, if any. A registry on
   * a {@link ManualClock} is ticked by its clock and ignores this.
   */
  public void startHeartbeat(ScheduledExecutorService scheduler) {
    if (clock instanceof ManualClock) {
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

  /**
   * Brings every metric's rates and windows up to {@code nowNanos}. Not final, so that a CDI
   * container can proxy a registry bean of a normal scope.
   */
  void tick(long nowNanos) {
    for (Metric metric : sorted) {
      if (metric instanceof Ticking ticking) {
        ticking.tick(nowNanos);
      }
    }
  }

  static MetricSnapshot snapshotOf(Metric metric, long nowNanos) {
    if (metric instanceof Timer timer) {
      return timer.snapshot(nowNanos);
    } else if (metric instanceof Meter meter) {
      return meter.snapshot(nowNanos);
    } else if (metric instanceof Histogram histogram) {
      return histogram.snapshot(nowNanos);
    } else if (metric instanceof Counter counter) {
      return counter.snapshot();
    }
    return ((Gauge<?>) metric).snapshot();
  }

  private ValueStore store(Reservoir reservoir) {
    return ValueStore.create(reservoir, clock, clock.nanoTime());
  }

  private Reservoir defaultReservoir() {
    return Reservoir.SlidingWindow.REGISTRY_DEFAULT.resolve(window);
  }

  private Reservoir resolve(Reservoir reservoir) {
    Objects.requireNonNull(reservoir, "reservoir");
    return reservoir instanceof Reservoir.SlidingWindow sliding ? sliding.resolve(window)
        : reservoir;
  }

  private <M extends Metric> M getOrCreate(String name, Class<M> type, Reservoir reservoir,
      Function<String, M> factory) {
    Objects.requireNonNull(name, "metric name");
    Metric metric = metrics.get(name);
    if (metric == null) {
      metric = register(MetricNames.validate(name), factory);
    }
    if (!type.isInstance(metric)) {
      throw new IllegalArgumentException("metric '" + name + "' is already a " + kindOf(metric)
          + "; it cannot also be a " + kindOf(type));
    }
    if (reservoir != null) {
      Reservoir existing = metric instanceof Timer timer ? timer.getReservoir()
          : ((Histogram) metric).getReservoir();
      if (!existing.equals(reservoir)) {
        throw new IllegalArgumentException("metric '" + name + "' already exists with reservoir "
            + existing + ", not " + reservoir);
      }
    }
    return type.cast(metric);
  }

  private Metric register(String name, Function<String, ? extends Metric> factory) {
    synchronized (registration) {
      Metric existing = metrics.get(name);
      if (existing != null) {
        return existing;
      }
      names.checkFits(name);
      Metric metric = factory.apply(name);
      if (metrics.size() >= maxMetrics) {
        countRefusal(name);
        return metric;
      }
      add(metric);
      return metric;
    }
  }

  /** Called under {@link #registration}. */
  private void add(Metric metric) {
    String name = metric.getName();
    metrics.put(name, metric);
    names.add(name);
    Metric[] current = sorted;
    int position = -Arrays.binarySearch(current, metric,
        (a, b) -> a.getName().compareTo(b.getName())) - 1;
    Metric[] next = new Metric[current.length + 1];
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

  private static String kindOf(Metric metric) {
    return kindOf(metric.getClass());
  }

  private static String kindOf(Class<?> type) {
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
