package dev.tapes.it.quarkus.broken;

import dev.tapes.Meter;
import dev.tapes.Timer;
import dev.tapes.cdi.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One name for two kinds of metric: the build must fail naming the field that clashes. */
@ApplicationScoped
public class OneNameTwoKinds {
  @Inject @Metric("shop.sales") Timer salesTime;
  @Inject @Metric("shop.sales") Meter salesRate;
}
