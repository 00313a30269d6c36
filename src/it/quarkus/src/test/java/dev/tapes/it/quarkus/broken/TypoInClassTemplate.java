package dev.tapes.it.quarkus.broken;

import dev.tapes.Timer;
import dev.tapes.cdi.MeteredClass;
import jakarta.inject.Inject;

/** A typo in the class template: the build must fail naming the bean and the annotation. */
@MeteredClass("shop.{nmae}")
public class TypoInClassTemplate {
  @Inject Timer latency;
}
