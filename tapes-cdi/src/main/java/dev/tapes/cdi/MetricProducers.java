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
 * named by {@link MetricNaming} from the injection point. {@code @Dependent} and static, so no
 * instance of this class is ever created; a bean's field is named once, then found by bean
 * class and field (see {@link InjectionPoints#metric}).
 */
final class MetricProducers {

  private MetricProducers() {}

  @Produces
  @Default
  @Metric
  static Timer timer(InjectionPoint point, TapesRuntime runtime) {
    return (Timer) InjectionPoints.metric(point, runtime);
  }

  @Produces
  @Default
  @Metric
  static Meter meter(InjectionPoint point, TapesRuntime runtime) {
    return (Meter) InjectionPoints.metric(point, runtime);
  }

  @Produces
  @Default
  @Metric
  static Counter counter(InjectionPoint point, TapesRuntime runtime) {
    return (Counter) InjectionPoints.metric(point, runtime);
  }

  @Produces
  @Default
  @Metric
  static Histogram histogram(InjectionPoint point, TapesRuntime runtime) {
    return (Histogram) InjectionPoints.metric(point, runtime);
  }
}
