package dev.tapes.distributed;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import java.time.Duration;

/**
 * The contract on a connected proxy, its flusher shipping in the background (to an endpoint
 * nobody listens on: recording must not care).
 */
class DistributedRegistryContractTest extends RegistryContract {

  @Override
  protected Registry create(ManualClock clock) {
    DistributedRegistry registry = DistributedRegistry.builder("tcp://127.0.0.1:9")
        .clock(clock).flushInterval(Duration.ofMillis(10)).closeTimeout(Duration.ZERO)
        .closeOnShutdown(false).build();
    registry.connect();
    return registry;
  }
}
