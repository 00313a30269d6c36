package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.distributed.CurveKeyPair;
import dev.tapes.distributed.DistributedRegistry;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A distributed proxy as an application's registry. The only class that refers to
 * tapes-distributed, loaded only once {@code tapes.distributed.endpoint} is set and the module
 * is present: the dependency is optional, so JeroMQ never arrives unasked.
 */
final class DistributedSelection implements RegistrySelection.Selected {

  private final DistributedRegistry proxy;

  private DistributedSelection(DistributedRegistry proxy) {
    this.proxy = proxy;
  }

  static RegistrySelection.Selected create(TapesConfig.Distribution distribution) {
    DistributedRegistry.Builder builder = DistributedRegistry.builder(distribution.endpoint())
        // The container's lifecycle closes it; a JVM shutdown hook would pin our class loader.
        .closeOnShutdown(false);
    if (distribution.flushInterval() != null) {
      builder.flushInterval(distribution.flushInterval());
    }
    if (distribution.processName() != null) {
      builder.processName(distribution.processName());
    }
    if (distribution.curveServerKey() != null) {
      try {
        builder.curve(distribution.curveServerKey(),
            CurveKeyPair.load(distribution.curveKeyFile()));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(TapesConfig.DISTRIBUTED_CURVE_KEY_FILE + "="
            + distribution.curveKeyFile() + ": cannot read a key pair from it: " + e.getMessage(),
            e);
      }
    }
    return new DistributedSelection(builder.build());
  }

  @Override
  public Registry registry() {
    return proxy;
  }

  @Override
  public void started(ScheduledExecutorService managed) {
    proxy.startHeartbeat(managed);
    proxy.connect();
  }

  /** Ships the last state, then stops shipping and ticking. */
  @Override
  public void stopped() {
    proxy.close();
  }
}
