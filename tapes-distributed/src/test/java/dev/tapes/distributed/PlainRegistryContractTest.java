package dev.tapes.distributed;

import dev.tapes.ManualClock;
import dev.tapes.Registry;

/** The contract on the core's plain registry: the reference behaviour. */
class PlainRegistryContractTest extends RegistryContract {

  @Override
  protected Registry create(ManualClock clock) {
    return new Registry(clock);
  }
}
