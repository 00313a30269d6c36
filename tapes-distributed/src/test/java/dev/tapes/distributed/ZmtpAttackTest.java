package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.SnapshotSource;
import dev.tapes.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14: a ZMTP greeting and a frame header whose 8-byte size is negative, sent to the
 * aggregator's port by a raw TCP client, must stop nothing: proxies old and new keep being
 * counted exactly (JeroMQ 0.6.0's decoder throws on such a size, zeromq/jeromq#1005, and its
 * I/O thread then spins on the broken connection's next bytes).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ZmtpAttackTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration NEVER = Duration.ofHours(1);
  /** Bytes a scanner sends after its forged header: they are what sets JeroMQ spinning. */
  private static final byte[] TRAILER = {0, 1, 2, 3, 4, 5, 6, 7};

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void seventyThreeBytesBeforeAnyCommandAreDroppedAndEveryProxyStillCounts() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));

    ProxiesAround proxies = new ProxiesAround(aggregator, List.of());
    try (ZmtpPeer attacker = ZmtpPeer.connect(aggregator.getEndpoint())) {
      byte[] attack = ZmtpPeer.concat(ZmtpPeer.greeting(0, "NULL"),
          ZmtpPeer.longFrameHeader(0, -1));
      assertThat(attack).hasSize(73);
      attacker.send(attack);
      attacker.send(TRAILER);
      assertThat(attacker.closedWithin(WAIT)).as("the hostile connection is dropped").isTrue();
    }
    proxies.finishAndCheck();
    assertThat(Views.counter(aggregator.registry(), RegistryAggregator.FRAMES_REJECTED))
        .isZero();
    assertTransport(aggregator.registry(), 1);
  }

  @Test
  void aNegativeSizeAfterReadyIsRefusedAndEveryProxyStillCounts() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));

    ProxiesAround proxies = new ProxiesAround(aggregator, List.of());
    for (int minor : new int[] {0, 1}) {
      for (long size : new long[] {-1, Long.MIN_VALUE + 5, 0xFFFF_FFFF_7FFF_FFFFL}) {
        try (ZmtpPeer attacker = ZmtpPeer.connect(aggregator.getEndpoint())) {
          assertThat(attacker.handshakeNull(minor)).isTrue();
          attacker.send(ZmtpPeer.longFrameHeader(0, size));
          attacker.send(TRAILER);
        }
      }
    }
    proxies.finishAndCheck();
    // Long.MIN_VALUE + 5 is read as a 5-byte frame, which harms nobody; the others are refused.
    assertTransport(aggregator.registry(), 4);
  }

  @Test
  void aPingTooShortForJeroMqIsSurvivedCountedAndStopsNothing() {
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*"));
    ClusterMetrics view = aggregator.registry();

    ProxiesAround proxies = new ProxiesAround(aggregator, List.of());
    try (ZmtpPeer attacker = ZmtpPeer.connect(aggregator.getEndpoint())) {
      assertThat(attacker.handshakeNull(1)).isTrue();
      // JeroMQ reads a PING's TTL at offset 5 without checking the size.
      attacker.send(ZmtpPeer.shortFrame(ZmtpPeer.COMMAND, new byte[] {4, 'P', 'I', 'N', 'G'}));
      Await.until(() -> Views.counter(view, RegistryAggregator.TRANSPORT_ERRORS) == 1, WAIT,
          () -> "the I/O thread's exception was not counted: " + view.snapshot());
    }
    proxies.finishAndCheck();
    assertThat(ZeroMqTransportTest.gauge(view, RegistryAggregator.TRANSPORT_HEALTHY)).isOne();
  }

  @Test
  void withCurveANegativeSizeBeforeAuthenticationIsDroppedAndMembersStillCount() {
    CurveKeyPair server = CurveKeyPair.generate();
    CurveKeyPair member = CurveKeyPair.generate();
    RegistryAggregator aggregator = started(RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*").curve(server.secretKey(), List.of(member.publicKey())));

    ProxiesAround proxies = new ProxiesAround(aggregator, List.of(server.publicKey(), member));
    try (ZmtpPeer attacker = ZmtpPeer.connect(aggregator.getEndpoint())) {
      attacker.send(ZmtpPeer.greeting(0, "CURVE"));
      assertThat(attacker.read(ZmtpPeer.GREETING_BYTES)).hasSize(ZmtpPeer.GREETING_BYTES);
      attacker.send(ZmtpPeer.longFrameHeader(ZmtpPeer.COMMAND, -1));
      attacker.send(TRAILER);
      assertThat(attacker.closedWithin(WAIT)).as("the hostile connection is dropped").isTrue();
    }
    proxies.finishAndCheck();
    assertThat(Views.counter(aggregator.registry(), RegistryAggregator.AUTH_DENIED)).isZero();
    assertTransport(aggregator.registry(), 1);
  }

  /** The guard refused {@code refused} sizes, and nothing else went wrong in the transport. */
  private static void assertTransport(SnapshotSource view, long refused) {
    assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_REFUSED)).isEqualTo(refused);
    assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_ERRORS)).isZero();
    assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_FAILURES)).isZero();
    assertThat(ZeroMqTransportTest.gauge(view, RegistryAggregator.TRANSPORT_HEALTHY)).isOne();
  }

  /**
   * One proxy that reported before the attack and goes on after it, and one that connects
   * after it: both close (shipping their last state), and the totals must be exact.
   */
  private final class ProxiesAround {

    private final RegistryAggregator aggregator;
    private final List<Object> curve;
    private final DistributedRegistry early;

    ProxiesAround(RegistryAggregator aggregator, List<Object> curve) {
      this.aggregator = aggregator;
      this.curve = curve;
      this.early = proxy("early");
      early.counter("jobs").increment(5);
      early.flush();
      ClusterMetrics view = aggregator.registry();
      Await.until(() -> Views.counter(view, "jobs") == 5, WAIT,
          () -> "the early proxy never arrived: " + view.snapshot());
    }

    void finishAndCheck() {
      early.counter("jobs").increment(7);
      early.flush();
      DistributedRegistry late = proxy("late");
      late.counter("jobs").increment(30);
      late.flush();
      early.close();
      late.close();
      ClusterMetrics view = aggregator.registry();
      Await.until(() -> Views.counter(view, "jobs") == 42
          && ZeroMqTransportTest.live(view) == 0, WAIT,
          () -> "jobs = " + Views.counter(view, "jobs") + " (expected 42), live = "
              + ZeroMqTransportTest.live(view));
    }

    private DistributedRegistry proxy(String name) {
      DistributedRegistry.Builder builder = DistributedRegistry.builder(aggregator.getEndpoint())
          .processName(name).flushInterval(NEVER).closeTimeout(Duration.ofSeconds(10))
          .closeOnShutdown(false);
      if (!curve.isEmpty()) {
        builder.curve((String) curve.get(0), (CurveKeyPair) curve.get(1));
      }
      DistributedRegistry proxy = builder.build();
      opened.add(proxy);
      proxy.connect();
      return proxy;
    }
  }

  private RegistryAggregator started(RegistryAggregator.Builder builder) {
    RegistryAggregator aggregator = builder.build();
    opened.add(aggregator);
    aggregator.start();
    return aggregator;
  }
}
