package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Counter;
import dev.tapes.ManualClock;
import dev.tapes.Meter;
import dev.tapes.Registry;
import dev.tapes.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interceptors' own work per call, without a container: exact durations on a manual clock,
 * failures counted, and no allocation (counted in bytes by the JVM, so deterministic).
 */
class InterceptorHotPathTest {

  private static final int CALLS = 200_000;
  private static com.sun.management.ThreadMXBean threads;

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);
  private final Timer timer = registry.timer("service.work");
  private final Meter meter = registry.meter("service.calls");
  private final Counter counter = registry.counter("service.count");
  private final Object result = "done";

  /** The bean whose method is intercepted. */
  static class Service {
    public Object work() {
      return null;
    }
  }

  @BeforeAll
  static void enableAllocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  private static Method work() throws NoSuchMethodException {
    return Service.class.getMethod("work");
  }

  private <M extends dev.tapes.Metric> MethodMetrics<M> planned(M metric) throws Exception {
    MethodMetrics<M> metrics = new MethodMetrics<>((target, method) -> {
      throw new AssertionError("unplanned " + method);
    });
    metrics.put(Service.class, work(), metric);
    return metrics;
  }

  @Test
  void aSynchronousCallIsTimedFromStartToReturn() throws Exception {
    TimedInterceptor interceptor = new TimedInterceptor(planned(timer), clock);
    Object returned = interceptor.time(new FixedInvocation(new Service(), work(), () -> {
      clock.advance(Duration.ofMillis(7));
      return result;
    }));
    assertThat(returned).isSameAs(result);
    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(7).toNanos());
  }

  @Test
  void aCallThatThrowsIsTimedAndTheExceptionPassesUnchanged() throws Exception {
    TimedInterceptor interceptor = new TimedInterceptor(planned(timer), clock);
    IOException failure = new IOException("disk");
    assertThatThrownBy(() -> interceptor.time(new FixedInvocation(new Service(), work(), () -> {
      clock.advance(Duration.ofMillis(3));
      throw failure;
    }))).isSameAs(failure);
    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(3).toNanos());
  }

  @Test
  void aCompletionStageIsTimedUntilItCompletesAndReturnedAsIs() throws Exception {
    TimedInterceptor interceptor = new TimedInterceptor(planned(timer), clock);
    CompletableFuture<String> pending = new CompletableFuture<>();
    Object returned = interceptor.time(new FixedInvocation(new Service(), work(), () -> pending));
    assertThat(returned).isSameAs(pending);
    clock.advance(Duration.ofMillis(40));
    assertThat(timer.getCount()).isZero();
    pending.complete("late");
    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(40).toNanos());
  }

  @Test
  void aFailedCompletionStageIsTimedToo() throws Exception {
    TimedInterceptor interceptor = new TimedInterceptor(planned(timer), clock);
    CompletableFuture<String> pending = new CompletableFuture<>();
    interceptor.time(new FixedInvocation(new Service(), work(), () -> pending));
    clock.advance(Duration.ofMillis(12));
    pending.completeExceptionally(new IllegalStateException("remote down"));
    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(12).toNanos());
  }

  @Test
  void meteredAndCountedCallsCountAlsoWhenTheyThrow() throws Exception {
    MeteredInterceptor metered = new MeteredInterceptor(planned(meter));
    CountedInterceptor counted = new CountedInterceptor(planned(counter));
    FixedInvocation failing = new FixedInvocation(new Service(), work(), () -> {
      throw new IllegalArgumentException("bad order");
    });
    assertThatThrownBy(() -> metered.mark(failing)).hasMessage("bad order");
    assertThatThrownBy(() -> counted.count(failing)).hasMessage("bad order");
    FixedInvocation working = new FixedInvocation(new Service(), work(), () -> result);
    assertThat(metered.mark(working)).isSameAs(result);
    assertThat(counted.count(working)).isSameAs(result);
    assertThat(meter.getCount()).isEqualTo(2);
    assertThat(counter.getCount()).isEqualTo(2);
  }

  @Test
  void interceptingAllocatesNothingOfItsOwn() throws Exception {
    Object target = new Service();
    FixedInvocation invocation = new FixedInvocation(target, work(), () -> result);
    TimedInterceptor timed = new TimedInterceptor(planned(timer), clock);
    MeteredInterceptor metered = new MeteredInterceptor(planned(meter));
    CountedInterceptor counted = new CountedInterceptor(planned(counter));
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < CALLS; i++) {
        timed.time(invocation);
        metered.mark(invocation);
        counted.count(invocation);
      }
    })).isZero();
    
  }

  @Test
  void theMeasurementSeesTheDocumentedAllocationOfAsynchronousCalls() throws Exception {
    CompletableFuture<Object> done = CompletableFuture.completedFuture(result);
    FixedInvocation invocation = new FixedInvocation(new Service(), work(), () -> done);
    TimedInterceptor timed = new TimedInterceptor(planned(timer), clock);
    assertThat(allocatedBy(() -> {
      for (int i = 0; i < 1_000; i++) {
        timed.time(invocation);
      }
    })).isGreaterThanOrEqualTo(1_000L * 16);
  }

  /** Calls the interceptors may throw through. */
  @FunctionalInterface
  interface Calls {
    void run() throws Exception;
  }

  /**
   * The fewest bytes one of three identical runs allocated, beyond the measurement's own, after
   * a warm-up run. The fewest: compiling the loop may deoptimise it once, and rematerialising
   * scalar-replaced objects then allocates a few hundred bytes, once; an allocation per call
   * would show in every run, as {@code CALLS} times its size.
   */
  private static long allocatedBy(Calls work) throws Exception {
    work.run();
    long overhead = measure(() -> { });
    long fewest = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      fewest = Math.min(fewest, measure(work));
    }
    return Math.max(0, fewest - overhead);
  }

  private static long measure(Calls work) throws Exception {
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
