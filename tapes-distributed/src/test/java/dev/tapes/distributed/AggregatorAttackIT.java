package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on the real aggregator command JVM: after the negative-size attack it keeps counting
 * proxies exactly, reports a healthy transport, and under SIGTERM exits within seconds with
 * its state file saved.
 */
class AggregatorAttackIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String JAR = System.getProperty("tapes.aggregator.jar");
  /** SIGTERM to exit: the receive loop's stop bound plus a JVM's shutdown. */
  private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path directory;

  @Test
  void afterTheAttackTheCommandCountsExactlyAndExitsOnSigtermWithItsState() {
    assertThat(JAR).as("run through failsafe, which sets tapes.aggregator.jar").isNotNull();
    Path state = directory.resolve("aggregator.state");
    try (JavaProcess aggregator = JavaProcess.start("attacked-aggregator",
        Path.of("target", "it-logs"), List.of("-jar", JAR, "--bind", "tcp://127.0.0.1:*",
            "--http", "0", "--state", state.toString()))) {
      String endpoint = aggregator.awaitLine(line -> line.startsWith("endpoint "), WAIT)
          .substring("endpoint ".length());
      URI metrics = URI.create(aggregator.awaitLine(line -> line.startsWith("http "), WAIT)
          .substring("http ".length()));

      try (DistributedRegistry early = proxy(endpoint, "early")) {
        early.counter("jobs").increment(5);
        early.flush();
        Await.until(() -> get(metrics).at("/jobs/value").asLong() == 5, WAIT,
            () -> "the early proxy never arrived: " + get(metrics));

        try (ZmtpPeer attacker = ZmtpPeer.connect(endpoint)) {
          attacker.send(ZmtpPeer.concat(ZmtpPeer.greeting(0, "NULL"),
              ZmtpPeer.longFrameHeader(0, -1)));
          attacker.send(new byte[] {0, 1, 2, 3});
          assertThat(attacker.closedWithin(WAIT)).isTrue();
        }
        try (ZmtpPeer attacker = ZmtpPeer.connect(endpoint)) {
          assertThat(attacker.handshakeNull(1)).isTrue();
          attacker.send(ZmtpPeer.longFrameHeader(0, 0xFFFF_FFFF_7FFF_FFFFL));
          attacker.send(new byte[] {0, 1, 2, 3});
        }

        early.counter("jobs").increment(7);
        try (DistributedRegistry late = proxy(endpoint, "late")) {
          late.counter("jobs").increment(30);
        }
      }
      Await.until(() -> get(metrics).at("/jobs/value").asLong() == 42
          && get(metrics).at("/tapes/aggregator/processes/live/value").asDouble() == 0, WAIT,
          () -> "not every proxy was counted: " + get(metrics));
      JsonNode transport = get(metrics).at("/tapes/aggregator/transport");
      assertThat(transport.at("/refused/value").asLong()).isEqualTo(2);
      assertThat(transport.at("/healthy/value").asDouble()).isOne();
      assertThat(transport.at("/failures/value").asLong()).isZero();

      long start = System.nanoTime();
      assertThat(aggregator.terminate()).isEqualTo(143);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(EXIT_BOUND);
    }
    RegistryAggregator restarted = RegistryAggregator.builder().stateFile(state).build();
    assertThat(Views.counter(restarted.registry(), "jobs")).isEqualTo(42);
  }

  private static DistributedRegistry proxy(String endpoint, String name) {
    DistributedRegistry proxy = DistributedRegistry.builder(endpoint).processName(name)
        .flushInterval(Duration.ofHours(1)).closeTimeout(Duration.ofSeconds(10))
        .closeOnShutdown(false).build();
    proxy.connect();
    return proxy;
  }

  private JsonNode get(URI metrics) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics)
          .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
