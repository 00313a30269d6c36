package dev.tapes.it.quarkus.broken;

import dev.tapes.Gauge;
import dev.tapes.cdi.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A gauge cannot be injected: it reads a value the bean provides. */
@ApplicationScoped
public class InjectsAGauge {
  @Inject @Metric("shop.stock") Gauge<Long> stock;
}
