package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing: counted in bytes by the JVM, so deterministic, unlike time.
 * Each check warms the path first (first use of an octave allocates its page, once).
 */
class AllocationTest {

  private static final int CALLS = 200_000;
  private static com.sun.management.ThreadMXBean threads;

  private final Registry registry = new Registry(new ManualClock());

  @BeforeAll
  static void enableAllocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
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

  @Test
  void timerUpdateAllocatesNothing() {
    Timer timer = registry.timer("t");
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < CALLS; i++) {
        timer.update(1_000 + (i & 0xFFFFF));
      }
    })).isZero();
  }

  @Test
  void histogramUpdateAllocatesNothing() {
    Histogram histogram = registry.histogram("h");
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < CALLS; i++) {
        histogram.update(i & 0xFFFF);
      }
    })).isZero();
  }

  @Test
  void meterMarkAndCounterIncrementAllocateNothing() {
    Meter meter = registry.meter("m");
    Counter counter = registry.counter("c");
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < CALLS; i++) {
        meter.mark();
        counter.increment();
        counter.decrement(2);
      }
    })).isZero();
  }

  @Test
  void onTheSystemClockRecordingAllocatesNothingEither() {
    try (Registry system = new Registry()) {
      Timer timer = system.timer("t");
      Histogram histogram = system.histogram("h");
      Meter meter = system.meter("m");
      assertThat(allocatedBy(() -> {
        for (int i = 0; i < CALLS; i++) {
          timer.update(1_000 + (i & 0xFFFFF));
          histogram.update(i & 0xFFFF);
          meter.mark();
        }
      })).isZero();
    }
  }

  @Test
  void lookingUpAnExistingMetricAllocatesNothing() {
    java.util.function.Supplier<Integer> size = () -> 3;
    Reservoir fiveSeconds = Reservoir.slidingWindow(java.time.Duration.ofSeconds(5));
    registry.timer("t");
    registry.timer("t5", fiveSeconds);
    registry.meter("m");
    registry.counter("c");
    registry.histogram("h");
    registry.gauge("g", size);
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < CALLS; i++) {
        registry.timer("t");
        registry.timer("t", Reservoir.slidingWindow());
        registry.timer("t5", fiveSeconds);
        registry.meter("m");
        registry.counter("c");
        registry.histogram("h");
        registry.gauge("g", size);
      }
    })).isZero();
  }

  /**
   * Bytes allocated by a run of {@code work} once it is warm, beyond the measurement's own: the
   * least of three runs, after warming the measuring path too. A one-time allocation of the JVM's
   * (linking a call site, loading a class) can then not be counted; an allocation on the path
   * measured, made on every call, shows in every run as calls times its size.
   */
  private static long allocatedBy(Runnable work) {
    work.run();
    Runnable nothing = () -> { };
    measure(nothing);
    long least = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long overhead = measure(nothing);
      least = Math.min(least, Math.max(0, measure(work) - overhead));
    }
    return least;
  }

  private static long measure(Runnable work) {
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
