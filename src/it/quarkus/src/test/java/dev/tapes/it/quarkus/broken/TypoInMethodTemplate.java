package dev.tapes.it.quarkus.broken;

import dev.tapes.cdi.Timed;
import jakarta.enterprise.context.ApplicationScoped;

/** A typo in an interceptor binding's template. */
@ApplicationScoped
public class TypoInMethodTemplate {
  @Timed("shop.{}.{mehtod}")
  public void buy() {}
}
