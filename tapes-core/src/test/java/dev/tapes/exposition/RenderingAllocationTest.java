package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rendering runs on every scrape: its allocation must not grow with the number of metrics
 * or samples. Counts bytes, not time, so it is deterministic; speed is measured in
 * tapes-benchmarks.
 */
class RenderingAllocationTest {

  /** The chunk buffer and the UTF-8 byte buffer, with room to spare; not per metric. */
  private static final long BUDGET_BYTES = 96 * 1024;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void renderingAThousandTimersAllocatesABoundedAmount() throws IOException {
    Registry registry = new Registry(new ManualClock());
    for (int i = 0; i < 1000; i++) {
      registry.timer("service" + (i % 10) + ".Endpoint" + i + ".latency")
          .update(Duration.ofNanos(1_000L * (1 + i)));
    }
    RegistrySnapshot snapshot = registry.snapshot();
    OutputStream sink = OutputStream.nullOutputStream();
    for (int warmUp = 0; warmUp < 20; warmUp++) {
      ExpositionFormat.PROMETHEUS_TEXT.write(snapshot, sink);
      ExpositionFormat.OPENMETRICS.write(snapshot, sink);
      ExpositionFormat.JSON.write(snapshot, sink);
    }

    for (ExpositionFormat format : ExpositionFormat.values()) {
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      format.write(snapshot, sink);
      long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

      assertThat(allocated).as("%s allocated bytes for 1,000 timers", format)
          .isLessThan(BUDGET_BYTES);
    }
  }
}
