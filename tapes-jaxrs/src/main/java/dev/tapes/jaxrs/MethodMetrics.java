package dev.tapes.jaxrs;

import dev.tapes.Clock;
import dev.tapes.Meter;
import dev.tapes.Registry;
import dev.tapes.Timer;

/**
 * The metrics of one resource method, resolved once when the method is bound: {@code latency}
 * (timer), {@code responses.1xx} … {@code responses.5xx} (meters) and {@code errors} (meter of
 * exceptions no application mapper handled).
 */
final class MethodMetrics {

  final Timer latency;
  final StatusMeters responses;
  final Meter errors;
  final Clock clock;

  MethodMetrics(Registry registry, String prefix) {
    this.latency = registry.timer(prefix + ".latency");
    this.responses = new StatusMeters(registry, prefix + ".responses");
    this.errors = registry.meter(prefix + ".errors");
    this.clock = registry.getClock();
  }
}
