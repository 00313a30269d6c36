package dev.tapes.cdi;

import dev.tapes.MetricType;
import dev.tapes.Counter;
import dev.tapes.Meter;
import dev.tapes.Metric;
import dev.tapes.Registry;
import dev.tapes.Timer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What the integration holds for one application: its registry, the metrics planned at
 * deployment and the metrics of intercepted methods. The extension creates it; producers and
 * interceptors receive it as a bean. No CDI SPI type appears here.
 */
final class TapesRuntime {

  private final MethodMetrics<Timer> timers =
      new MethodMetrics<>((target, method) -> (Timer) unplanned(MetricType.TIMER, Timed.class,
          target, method));
  private final MethodMetrics<Meter> meters =
      new MethodMetrics<>((target, method) -> (Meter) unplanned(MetricType.METER, Metered.class,
          target, method));
  private final MethodMetrics<Counter> counters =
      new MethodMetrics<>((target, method) -> (Counter) unplanned(MetricType.COUNTER,
          Counted.class, target, method));
  private final List<MetricRequest> plannedInjections = new ArrayList<>();
  private final List<PlannedMethod> plannedMethods = new ArrayList<>();
  private final ReportingLifecycle reporting = new ReportingLifecycle();
  /** Injected metrics by bean class, then field. */
  private final ConcurrentHashMap<Class<?>, Map<Field, Metric>> injected =
      new ConcurrentHashMap<>();
  private final Object selectionLock = new Object();
  private RegistrySelection.Selected selection;
  private volatile Registry registry;
  /** Read at deployment by whichever extension runs; null until then. */
  private volatile TapesConfig config;
  /** A configuration the application must not start with, reported by {@link #start()}. */
  private volatile IllegalArgumentException misconfiguration;

  /** A metric of an intercepted method, known at deployment. */
  private record PlannedMethod(Class<?> beanClass, Method method, MetricRequest request) {}

  /** Sets where the registry comes from; resolved on first use. */
  void select(RegistrySelection.Selected selection) {
    synchronized (selectionLock) {
      this.selection = Objects.requireNonNull(selection, "selection");
    }
  }

  /** Keeps the configuration read at deployment, for {@link #start()}. */
  void configure(TapesConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Remembers a configuration the application cannot start with: {@link #start()} fails with it.
   * Meanwhile the runtime works on the registry chosen without that configuration.
   */
  void misconfigured(IllegalArgumentException problem) {
    this.misconfiguration = Objects.requireNonNull(problem, "problem");
  }

  /** The application's registry (see {@link RegistrySelection}), resolved once. */
  Registry registry() {
    Registry resolved = registry;
    if (resolved == null) {
      synchronized (selectionLock) {
        resolved = registry;
        if (resolved == null) {
          if (selection == null) {
            throw new IllegalStateException("the metrics registry is asked for before the CDI"
                + " container has discovered its beans");
          }
          resolved = Objects.requireNonNull(selection.registry(),
              "the application's Registry bean");
          registry = resolved;
        }
      }
    }
    return resolved;
  }

  void planInjection(MetricRequest request) {
    synchronized (plannedInjections) {
      plannedInjections.add(request);
    }
  }

  void planMethod(Class<?> beanClass, Method method, MetricRequest request) {
    synchronized (plannedMethods) {
      plannedMethods.add(new PlannedMethod(beanClass, method, request));
    }
  }

  /**
   * Creates every planned metric, so that they are reported from the start and a name the
   * registry refuses fails deployment.
   *
   * @return one exception per refused metric, naming its bean, member and annotation
   */
  List<IllegalArgumentException> createPlanned() {
    Registry target = registry();
    List<IllegalArgumentException> problems = new ArrayList<>();
    synchronized (plannedInjections) {
      for (MetricRequest request : plannedInjections) {
        try {
          request.getOrCreate(target);
        } catch (IllegalArgumentException e) {
          problems.add(e);
        }
      }
    }
    synchronized (plannedMethods) {
      for (PlannedMethod planned : plannedMethods) {
        try {
          Metric metric = planned.request().getOrCreate(target);
          switch (planned.request().kind()) {
            case TIMER:
              timers.put(planned.beanClass(), planned.method(), (Timer) metric);
              break;
            case METER:
              meters.put(planned.beanClass(), planned.method(), (Meter) metric);
              break;
            default:
              counters.put(planned.beanClass(), planned.method(), (Counter) metric);
          }
        } catch (IllegalArgumentException e) {
          problems.add(e);
        }
      }
    }
    return problems;
  }

  /** The metric for an injection point, as named by {@link MetricNaming#forInjection}. */
  Metric metric(MetricRequest request) {
    return request.getOrCreate(registry());
  }

  /**
   * The metric injected into {@code field} of beans of {@code beanClass}: named by {@code
   * request} the first time, then found without naming or allocating anything.
   */
  Metric injected(Class<?> beanClass, Field field, Supplier<MetricRequest> request) {
    Map<Field, Metric> fields = injected.computeIfAbsent(beanClass,
        type -> new ConcurrentHashMap<>());
    Metric metric = fields.get(field);
    if (metric == null) {
      metric = metric(request.get());
      fields.putIfAbsent(field, metric);
    }
    return metric;
  }

  /**
   * The application has started, under the build compatible extension: creates every planned
   * metric (as the portable extension does at {@code AfterDeploymentValidation}), so that a name
   * the registry refuses stops the start with the same message, then starts reporting.
   *
   * @throws IllegalArgumentException the configuration's problem, naming the key, its value and
   *     its source
   * @throws IllegalStateException naming every refused metric's bean, member and annotation
   */
  void start() {
    IllegalArgumentException misconfigured = misconfiguration;
    if (misconfigured != null) {
      throw new IllegalArgumentException(misconfigured.getMessage(), misconfigured);
    }
    List<IllegalArgumentException> problems = createPlanned();
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder();
      for (IllegalArgumentException problem : problems) {
        message.append(message.length() == 0 ? "" : "; ").append(problem.getMessage());
      }
      IllegalStateException failure = new IllegalStateException(message.toString());
      problems.forEach(failure::addSuppressed);
      throw failure;
    }
    startReporting(Objects.requireNonNull(config, "the configuration, read at deployment"));
  }

  /**
   * Starts the configured reporters on the container's managed scheduled executor if there is
   * one, else on a daemon thread. The stream reporter writes to standard output (issue 4).
   */
  void startReporting(TapesConfig config) {
    ScheduledExecutorService managed = ManagedExecutors.lookUp();
    selected().started(managed);
    if (!config.reporters().isEmpty()) {
      reporting.start(config.reporters(), registry(), System.out, managed);
    }
  }

  /** Stops the reporters, after a last report, while the registry can still be read. */
  void stopReporting() {
    reporting.stop();
  }

  /**
   * Leaves nothing of the registry running once the application is gone: the global registry
   * stops ticking (a thread would otherwise keep the application's class loader alive), a
   * distributed proxy ships its last state and disconnects. Metrics keep working.
   */
  void release() {
    RegistrySelection.Selected chosen;
    synchronized (selectionLock) {
      chosen = registry == null ? null : selection;
    }
    if (chosen != null) {
      chosen.stopped();
    }
  }

  private RegistrySelection.Selected selected() {
    registry();
    synchronized (selectionLock) {
      return selection;
    }
  }

  MethodMetrics<Timer> timers() {
    return timers;
  }

  MethodMetrics<Meter> meters() {
    return meters;
  }

  MethodMetrics<Counter> counters() {
    return counters;
  }

  private Metric unplanned(MetricType kind, Class<? extends Annotation> binding, Class<?> target,
      Method method) {
    return MethodBindings.request(kind, binding, target, method).getOrCreate(registry());
  }
}
