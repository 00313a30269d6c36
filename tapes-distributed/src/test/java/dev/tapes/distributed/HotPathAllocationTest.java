package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Counter;
import dev.tapes.Histogram;
import dev.tapes.ManualClock;
import dev.tapes.Meter;
import dev.tapes.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording into a connected proxy allocates nothing, exactly as in a plain registry: the
 * distributed mode adds nothing to the write path. Counted in bytes by the JVM, per thread.
 */
class HotPathAllocationTest {

  private static final int CALLS = 200_000;
  private static com.sun.management.ThreadMXBean threads;

  private final DistributedRegistry registry = DistributedRegistry.builder("tcp://127.0.0.1:9")
      .clock(new ManualClock()).flushInterval(Duration.ofMillis(10))
      .closeTimeout(Duration.ZERO).closeOnShutdown(false).build();

  @BeforeAll
  static void enableAllocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void recordingIntoAConnectedProxyAllocatesNothing() {
    registry.connect();
    Counter counter = registry.counter("c");
    Meter meter = registry.meter("m");
    Histogram histogram = registry.histogram("h");
    Timer timer = registry.timer("t");
    Runnable loop = () -> {
      for (int i = 0; i < CALLS; i++) {
        counter.increment();
        meter.mark();
        histogram.update(i & 1023);
        timer.update(1_000 + (i & 1023));
      }
    };
    loop.run(); // first use of each octave allocates its page, once

    assertThat(allocatedBy(loop)).isZero();
  }

  @Test
  void theMeasurementSeesAllocation() {
    Object[] sink = new Object[1];
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < 1_000; i++) {
        sink[0] = new long[16];
      }
    })).isGreaterThanOrEqualTo(1_000L * 16 * Long.BYTES);
  }

  private static long allocatedBy(Runnable work) {
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    work.run();
    return threads.getThreadAllocatedBytes(thread) - before;
  }
}
