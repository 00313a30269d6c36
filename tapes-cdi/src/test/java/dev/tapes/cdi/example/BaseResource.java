package dev.tapes.cdi.example;

import dev.tapes.Meter;
import dev.tapes.Timer;
import dev.tapes.cdi.MeteredClass;
import dev.tapes.cdi.Metric;
import jakarta.inject.Inject;

/** The example: metrics declared once in an abstract base, named per concrete class. */
@MeteredClass("my.http.endpoints.{}")
public abstract class BaseResource {

  @Inject Timer latency;
  @Inject @Metric("my.http.endpoints.{}.error_rate") Meter errorRate;

  /** Times one request; a failing one also marks the error rate. */
  public String handle(boolean fail) {
    Timer.Context context = latency.time();
    try {
      if (fail) {
        errorRate.mark();
        return "error";
      }
      return get();
    } finally {
      context.stop();
    }
  }

  protected abstract String get();

  public Timer latency() {
    return latency;
  }

  public Meter errorRate() {
    return errorRate;
  }
}
