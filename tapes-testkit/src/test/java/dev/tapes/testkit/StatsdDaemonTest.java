package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatsdDaemonTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Test
  void countsCountersAndKeepsGaugesAndTimersReceivedOverUdp() throws IOException {
    try (StatsdDaemon statsd = StatsdDaemon.start();
        DatagramSocket socket = new DatagramSocket()) {
      send(socket, statsd, "jobs.count:2|c\njobs.count:3|c\nqueue.size:7.5|g\nlatency:12|ms");
      send(socket, statsd, "jobs.count:-1|c\nlatency:3.5|ms");

      Await.until(() -> statsd.counters().getOrDefault("jobs.count", 0.0) == 4.0, DEADLINE,
          () -> "jobs.count == 4 in " + statsd.counters());
      assertThat(statsd.gauges()).containsEntry("queue.size", 7.5);
      Await.until(() -> statsd.timers().getOrDefault("latency", java.util.List.of()).size() == 2,
          DEADLINE, () -> "two latency timings in " + statsd.timers());
      assertThat(statsd.timers().get("latency")).containsExactlyInAnyOrder(12.0, 3.5);
      assertThat(statsd.counters()).doesNotContainKey("tapes_testkit.ready");
    }
  }

  @Test
  void closeStopsTheProcessAndIsIdempotent() {
    StatsdDaemon statsd = StatsdDaemon.start();
    long pid = statsd.getPid();
    assertThat(ProcessHandle.of(pid)).isPresent();

    statsd.close();
    statsd.close();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void startsOnAGivenPort() {
    int port = FreePort.udp();
    try (StatsdDaemon statsd = StatsdDaemon.start(port)) {
      assertThat(statsd.getPort()).isEqualTo(port);
      assertThat(statsd.counters()).containsKey("statsd.packets_received");
    }
  }

  private static void send(DatagramSocket socket, StatsdDaemon statsd, String payload)
      throws IOException {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length,
        new InetSocketAddress(statsd.getHost(), statsd.getPort())));
  }
}
