package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir
  Path directory;

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
    ClusterMetrics view = aggregator.registry();
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

  @Test
  void theCommandStopsWithStatusThreeAndSavesItsStateWhenItsTransportDies() throws Exception {
    Path state = directory.resolve("aggregator.state");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> status = runner.submit(() -> AggregatorCommand.run(new String[] {
          "--bind", "tcp://127.0.0.1:*", "--state", state.toString(), "--save-interval",
          "200ms"},
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), b -> b.guardFrames(false)));
      Matcher printed = Pattern.compile("endpoint (\\S+)\\n").matcher("");
      Await.until(() -> printed.reset(out.toString(StandardCharsets.UTF_8)).find(), WAIT,
          () -> "not started: " + out + err);
      String endpoint = printed.group(1);
      try (DistributedRegistry proxy = DistributedRegistry.builder(endpoint)
          .flushInterval(Duration.ofHours(1)).closeTimeout(Duration.ofSeconds(10))
          .closeOnShutdown(false).build()) {
        proxy.connect();
        proxy.counter("jobs").increment(9);
        proxy.flush();
        // Heard once it is in the state file, saved every 200 ms.
        Await.until(() -> savedJobs(state) == 9, WAIT, () -> "not saved: " + savedJobs(state));

        killIoThread(endpoint);

        assertThat(status.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
      }
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("transport");
      assertThat(savedJobs(state)).isEqualTo(9);
    } finally {
      runner.shutdownNow();
    }
  }

  private static long savedJobs(Path state) {
    return Views.counter(RegistryAggregator.builder().stateFile(state).build().registry(),
        "jobs");
  }

  /** A NULL handshake, then the size that makes JeroMQ 0.6.0 allocate 2 GiB. */
  private static void killIoThread(String endpoint) {
    try (ZmtpPeer attacker = ZmtpPeer.connect(endpoint)) {
      assertThat(attacker.handshakeNull(1)).isTrue();
      attacker.send(ZmtpPeer.longFrameHeader(0, KILLING_SIZE));
    }
  }
}
