package dev.tapes.cdi.example;

import dev.tapes.cdi.Counted;
import dev.tapes.cdi.MeteredClass;

/** An abstract base whose counted method two beans inherit. */
@MeteredClass("workers.{}")
public abstract class BaseWorker {

  @Counted
  public void work() {}
}
