package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.LogCapture;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the aggregator does when JeroMQ's I/O thread dies: with the {@link FrameSizeGuard} off,
 * a negative frame size whose low 32 bits are {@code Integer.MAX_VALUE} makes JeroMQ 0.6.0
 * allocate 2 GiB of direct memory, over this JVM's limit, and the {@link OutOfMemoryError}
 * kills the thread, as it would in production. The failure must be reported, and stopping must
 * still end in bounded time.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StuckTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long KILLING_SIZE = 0xFFFF_FFFF_7FFF_FFFFL;
  /** What {@link Receiver#stop()} may take, plus room for a loaded machine. */
  private static final Duration STOP_BOUND = Duration.ofMillis(Receiver.STOP_MILLIS + 2_000);

  @BeforeAll
  static void directMemoryIsTooSmallForTwoGibibytes() {
    // Else JeroMQ would really allocate 2 GiB instead of dying (see the module's argLine).
    String limit = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .getVMOption("MaxDirectMemorySize").getValue();
    assertThat(Long.parseLong(limit)).as("-XX:MaxDirectMemorySize").isPositive()
        .isLessThan(1L << 30);
  }

  @Test
  void aDeadIoThreadIsReportedAndStopReturnsInBoundedTime() {
    CountDownLatch failed = new CountDownLatch(1);
    RegistryAggregator aggregator = RegistryAggregator.builder().endpoint("tcp://127.0.0.1:*")
        .guardFrames(false).onTransportFailure(failed::countDown).build();
    aggregator.start();
    Registry view = aggregator.registry();
    try (LogCapture log = LogCapture.of(TransportWatchdog.class);
        DistributedRegistry proxy = DistributedRegistry.builder(aggregator.getEndpoint())
            .flushInterval(Duration.ofHours(1)).closeTimeout(Duration.ZERO)
            .closeOnShutdown(false).build()) {
      proxy.connect();
      proxy.counter("jobs").increment(5);
      proxy.flush();
      Await.until(() -> Views.counter(view, "jobs") == 5, WAIT, () -> "no proxy");
      assertThat(ZeroMqTransportTest.gauge(view, RegistryAggregator.TRANSPORT_HEALTHY)).isOne();

      killIoThread(aggregator.getEndpoint());

      Await.until(() -> failed.getCount() == 0, WAIT, () -> "no failure reported");
      assertThat(ZeroMqTransportTest.gauge(view, RegistryAggregator.TRANSPORT_HEALTHY)).isZero();
      assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_FAILURES)).isOne();
      assertThat(log.messages(Level.SEVERE)).anyMatch(m -> m.contains("died"))
          .anyMatch(m -> m.contains("transport is stuck") && m.contains("OutOfMemoryError"));
      proxy.counter("jobs").increment(1);
      proxy.flush();

      long start = System.nanoTime();
      aggregator.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STOP_BOUND);
      // The view keeps the last totals heard; nothing after the failure got through.
      assertThat(Views.counter(view, "jobs")).isEqualTo(5);
    }
  }

  /** A NULL handshake, then the size that makes JeroMQ 0.6.0 allocate 2 GiB. */
  private static void killIoThread(String endpoint) {
    try (ZmtpPeer attacker = ZmtpPeer.connect(endpoint)) {
      assertThat(attacker.handshakeNull(1)).isTrue();
      attacker.send(ZmtpPeer.longFrameHeader(0, KILLING_SIZE));
    }
  }
}
