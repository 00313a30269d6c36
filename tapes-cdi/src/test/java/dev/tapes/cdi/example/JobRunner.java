package dev.tapes.cdi.example;

import dev.tapes.cdi.Metered;
import jakarta.enterprise.context.ApplicationScoped;

/** A class-level binding: every business method is metered, named from the class template. */
@ApplicationScoped
@Metered("jobs.{}")
public class JobRunner {

  public void run() {
    helper();
  }

  public void stop() {}

  private void helper() {}
}
