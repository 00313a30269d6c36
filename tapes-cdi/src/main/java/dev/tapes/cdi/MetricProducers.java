package dev.tapes.cdi;

import dev.tapes.Counter;
import dev.tapes.Histogram;
import dev.tapes.Meter;
import dev.tapes.Timer;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;

/**
 * Produces every injected {@code Timer}, {@code Meter}, {@code Counter} and {@code Histogram},
 * named by {@link MetricNaming} from the injection point. {@code @Dependent} and static: an
 * injection is a registry lookup by name (the registry returns the same metric for the same
 * name), and no instance of this class is ever created.
 */
final class MetricProducers {

  private MetricProducers() {}

  @Produces
  @Default
  @Metric
  static Timer timer(InjectionPoint point, TapesRuntime runtime) {
    return (Timer) runtime.metric(InjectionPoints.request(point));
  }

  @Produces
  @Default
  @Metric
  static Meter meter(InjectionPoint point, TapesRuntime runtime) {
    return (Meter) runtime.metric(InjectionPoints.request(point));
  }

  @Produces
  @Default
  @Metric
  static Counter counter(InjectionPoint point, TapesRuntime runtime) {
    return (Counter) runtime.metric(InjectionPoints.request(point));
  }

  @Produces
  @Default
  @Metric
  static Histogram histogram(InjectionPoint point, TapesRuntime runtime) {
    return (Histogram) runtime.metric(InjectionPoints.request(point));
  }
}
