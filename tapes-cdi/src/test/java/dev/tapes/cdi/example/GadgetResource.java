package dev.tapes.cdi.example;

import jakarta.enterprise.context.ApplicationScoped;

/** A second subclass of the same base, with a scope: it gets metrics of its own. */
@ApplicationScoped
public class GadgetResource extends BaseResource {

  @Override
  protected String get() {
    return "gadgets";
  }
}
