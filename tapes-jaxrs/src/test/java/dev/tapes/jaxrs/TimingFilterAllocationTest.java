package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter's own per-request cost in bytes, counted by the JVM around in-process filter calls
 * on allocation-free fake contexts: the boxed start ({@code Long}, 24 bytes) and nothing else.
 * Bytes, not time, so the check is deterministic; speed is measured in tapes-benchmarks.
 */
class TimingFilterAllocationTest {

  private static final int REQUESTS = 100_000;
  /** A {@code Long} with compressed class pointers: 12 bytes of header, 8 of value, padded to 8. */
  private static final long BOXED_LONG_BYTES = 24;

  private static com.sun.management.ThreadMXBean threads;

  /**
   * Readings far outside the {@code Long} cache, so boxing allocates, and 1 µs apart, so every
   * duration falls in one sketch bucket (a bucket page is allocated once, when first used).
   */
  private final AtomicLong ticks = new AtomicLong(1L << 40);
  private final Registry registry = new Registry(() -> ticks.addAndGet(1_000));
  private final TimingFilter filter = new TimingFilter(new MethodMetrics(registry, "http.R.m"));
  private final FakeRequest request = new FakeRequest();

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
  void theMeasurementSeesABoxPerRequest() {
    Object[] sink = new Object[1];
    long bytes = allocatedBy(() -> {
      for (int i = 0; i < REQUESTS; i++) {
        sink[0] = Long.valueOf(System.nanoTime());
      }
    });
    assertThat(bytes).isEqualTo(REQUESTS * BOXED_LONG_BYTES);
  }

  @Test
  void responseWithoutEntityCostsOneBoxedLong() {
    FakeResponse noContent = new FakeResponse(204, false);
    long bytes = allocatedBy(() -> {
      for (int i = 0; i < REQUESTS; i++) {
        filter.filter(request);
        filter.filter(request, noContent);
      }
    });
    assertThat(bytes).isLessThanOrEqualTo(REQUESTS * BOXED_LONG_BYTES);
  }

  @Test
  void responseWithEntityCostsOneBoxedLong() {
    FakeResponse ok = new FakeResponse(200, true);
    FakeWriterContext writer = new FakeWriterContext(request);
    long bytes = allocatedBy(() -> {
      for (int i = 0; i < REQUESTS; i++) {
        filter.filter(request);
        filter.filter(request, ok);
        try {
          filter.aroundWriteTo(writer);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    assertThat(bytes).isLessThanOrEqualTo(REQUESTS * BOXED_LONG_BYTES);
    assertThat(request.getProperty(TimingFilter.STATE)).isEqualTo(TimingFilter.DONE);
  }

  /** Bytes allocated by the second of two identical runs, beyond the measurement's own. */
  private static long allocatedBy(Runnable work) {
    work.run();
    long overhead = measure(() -> { });
    return Math.max(0, measure(work) - overhead);
  }

  private static long measure(Runnable work) {
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
