package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.testkit.Await;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attack of issue 14 turned around: a hostile peer where the proxy expects its aggregator
 * sends the frame size that wedges JeroMQ's decoder. The proxy's socket refuses it, goes on,
 * and delivers to the real aggregator once that one listens there.
 */
class ProxyUnderAttackTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aHostilePeerPosingAsTheAggregatorCannotWedgeTheProxy() throws Exception {
    ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    int port = impostor.getLocalPort();
    DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:" + port)
        .flushInterval(Duration.ofMillis(50)).closeTimeout(Duration.ofSeconds(1))
        .closeOnShutdown(false).build();
    proxy.counter("orders").increment(7);
    proxy.connect();
    // JeroMQ stalls a few per cent of fresh connections before the handshake (#1022) and
    // redials after a second: take connections until one completes the greeting.
    boolean attacked = false;
    for (int attempt = 0; attempt < 10 && !attacked; attempt++) {
      try (ZmtpPeer hostile = ZmtpPeer.accept(impostor)) {
        hostile.send(ZmtpPeer.greeting(1, "NULL"));
        if (hostile.read(ZmtpPeer.GREETING_BYTES).length < ZmtpPeer.GREETING_BYTES) {
          continue;
        }
        hostile.send(ZmtpPeer.ready("PULL")); // as an aggregator answers
        hostile.send(ZmtpPeer.longFrameHeader(ZmtpPeer.LONG, -1));
        hostile.send(new byte[64]);
        attacked = true;
      }
    }
    assertThat(attacked).as("the proxy completed a greeting with the impostor").isTrue();
    impostor.close();

    try (RegistryAggregator aggregator = RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:" + port).build()) {
      aggregator.start();
      Await.until(() -> Views.counter(aggregator.registry(), "orders") == 7, WAIT,
          () -> "the proxy never delivered after the attack: " + aggregator.registry().snapshot());
      long started = System.nanoTime();
      proxy.close();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }
}
