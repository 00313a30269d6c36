package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.SketchSnapshot;
import dev.tapes.testkit.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real JVMs: the aggregator command jar and proxy JVMs started with {@code java -cp},
 * checked only through the aggregator's HTTP endpoint, as a user would. Every JVM is stopped by
 * its process id, also when an assertion fails.
 */
class DistributedIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String JAR = System.getProperty("tapes.aggregator.jar");
  private static final String TEST_CLASSES = System.getProperty("tapes.test.classes");
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  private static final String[] QUANTILE_KEYS = {"q50", "q75", "q95", "q98", "q99", "q999"};

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<JavaProcess> processes = new ArrayList<>();
  private final Path logs = Path.of("target", "it-logs");

  @TempDir
  Path directory;

  /** The highest cluster count seen so far: it must never go down. */
  private long highestCount;

  @AfterEach
  void stopEveryJvm() {
    processes.forEach(JavaProcess::close);
  }

  @Test
  void threeProxyJvmsAddUpExactlyAndSurviveProxyRestartAndAggregatorKill() throws Exception {
    int port = Ports.outsideEphemeralRange();
    String endpoint = "tcp://127.0.0.1:" + port;
    Path state = directory.resolve("aggregator.state");
    List<String> aggregatorArgs = List.of("-jar", JAR, "--bind", endpoint, "--http", "0",
        "--state", state.toString(), "--save-interval", "1s", "--silence-timeout", "3s");
    JavaProcess aggregator = start("aggregator", aggregatorArgs);
    URI metrics = httpUri(aggregator);

    // Three proxies, 20,000 values each, from different seeds.
    List<JavaProcess> proxies = new ArrayList<>();
    List<Long> liveValues = new ArrayList<>();
    long total = 0;
    for (int p = 1; p <= 3; p++) {
      JavaProcess proxy = proxy("proxy-" + p, endpoint);
      proxies.add(proxy);
      record(proxy, p, 20_000, liveValues);
      total += 20_000;
    }
    awaitCount(metrics, total);
    JsonNode stats = get(metrics);
    assertQuantiles(stats, liveValues, "three live proxies");
    assertThat(stats.at("/load/up/value").asDouble()).isEqualTo(3.0);
    assertThat(stats.at("/load/hits/count").asLong()).isEqualTo(total);
    assertThat(stats.at("/tapes/process").size()).isEqualTo(3);

    // A proxy restarts: the old instance's counts stay, the new one adds to them.
    JavaProcess third = proxies.remove(2);
    third.send("close");
    third.awaitLine("closed"::equals, WAIT);
    assertThat(third.waitForExit()).isZero();
    liveValues.subList(40_000, 60_000).clear();
    JavaProcess fourth = proxy("proxy-4", endpoint);
    proxies.add(fourth);
    record(fourth, 4, 5_000, liveValues);
    total += 5_000;
    awaitCount(metrics, total);

    // Everything observed is in the state file before the crash: wait for two saves after it
    // (the second surely started after the observation).
    long saves = get(metrics).at("/tapes/aggregator/state/saves/value").asLong();
    Await.until(() -> get(metrics).at("/tapes/aggregator/state/saves/value").asLong()
        >= saves + 2, WAIT, () -> "the aggregator saved no state");
    aggregator.kill();

    // While the aggregator is dead, proxies go on recording.
    for (int p = 0; p < proxies.size(); p++) {
      proxies.get(p).send("record " + (10 + p) + " 7000");
    }
    for (int p = 0; p < proxies.size(); p++) {
      proxies.get(p).awaitLine(("recorded " + (10 + p) + " 7000")::equals, WAIT);
      liveValues.addAll(Arrays.stream(LoadValues.of(10 + p, 7_000)).boxed().toList());
      total += 7_000;
    }

    JavaProcess restarted = start("aggregator-restarted", aggregatorArgs);
    URI restartedMetrics = httpUri(restarted);
    awaitCount(restartedMetrics, total);
    Await.until(() -> get(restartedMetrics).at("/tapes/aggregator/processes/live/value")
        .asDouble() == 3, WAIT, () -> "not every proxy was heard after the restart");
    JsonNode after = get(restartedMetrics);
    assertThat(after.at("/load/count/value").asLong()).isEqualTo(total);
    assertThat(after.at("/load/values/count").asLong()).isEqualTo(total);
    assertQuantiles(after, liveValues, "after proxy restart and aggregator kill");

    for (JavaProcess proxy : proxies) {
      proxy.send("close");
      proxy.awaitLine("closed"::equals, WAIT);
    }
    assertThat(restarted.terminate()).isEqualTo(143);
  }

  @Test
  void onlyProxiesWithAnAllowedCurveKeyPublish() throws Exception {
    // The aggregator's key pair comes from the command itself, as the README shows.
    JavaProcess keys = start("keys", List.of("-jar", JAR, "--generate-curve-keys"));
    String publicLine = keys.awaitLine(line -> line.startsWith("public-key="), WAIT);
    String secretLine = keys.awaitLine(line -> line.startsWith("secret-key="), WAIT);
    assertThat(keys.waitForExit()).isZero();
    Path serverKey = directory.resolve("aggregator.key");
    Files.writeString(serverKey, publicLine + "\n" + secretLine + "\n");
    CurveKeyPair server = CurveKeyPair.load(serverKey);
    Path memberKey = directory.resolve("member.key");
    Path strangerKey = directory.resolve("stranger.key");
    Files.writeString(memberKey, CurveKeyPair.generate().toKeyFile());
    Files.writeString(strangerKey, CurveKeyPair.generate().toKeyFile());
    Path allowed = directory.resolve("allowed-proxies.txt");
    Files.writeString(allowed, "# proxies allowed to publish\n"
        + "public-key=" + CurveKeyPair.load(memberKey).publicKey() + "\n");

    String endpoint = "tcp://127.0.0.1:" + Ports.outsideEphemeralRange();
    JavaProcess aggregator = start("curve-aggregator", List.of("-jar", JAR, "--bind", endpoint,
        "--http", "0", "--no-state", "--curve-key-file", serverKey.toString(),
        "--curve-allowed-keys", allowed.toString()));
    URI metrics = httpUri(aggregator);
    JavaProcess stranger = proxy("stranger", endpoint, server.publicKey(), strangerKey);
    stranger.send("record 1 100");
    stranger.awaitLine(line -> line.startsWith("recorded"), WAIT);
    Await.until(() -> get(metrics).at("/tapes/aggregator/auth/denied/value").asLong() >= 1,
        WAIT, () -> "the stranger was not refused");
    JavaProcess member = proxy("member", endpoint, server.publicKey(), memberKey);
    member.send("record 2 250");
    member.awaitLine(line -> line.startsWith("recorded"), WAIT);

    awaitCount(metrics, 250);
    stranger.send("record 3 100");
    stranger.awaitLine(line -> line.startsWith("recorded"), WAIT);
    member.send("record 4 1");
    member.awaitLine(line -> line.startsWith("recorded"), WAIT);
    awaitCount(metrics, 251);
    assertThat(get(metrics).at("/tapes/process").size()).isEqualTo(1);
  }

  private JavaProcess start(String name, List<String> arguments) {
    assertThat(JAR).as("run through failsafe, which sets tapes.aggregator.jar").isNotNull();
    JavaProcess process = JavaProcess.start(name, logs, arguments);
    processes.add(process);
    return process;
  }

  private JavaProcess proxy(String name, String endpoint, Object... curve) {
    List<String> arguments = new ArrayList<>(List.of("-cp",
        JAR + java.io.File.pathSeparator + TEST_CLASSES, LoadProxy.class.getName(), endpoint,
        name));
    for (Object argument : curve) {
      arguments.add(argument.toString());
    }
    JavaProcess proxy = start(name, arguments);
    proxy.awaitLine(line -> line.startsWith("ready "), WAIT);
    return proxy;
  }

  private static void record(JavaProcess proxy, long seed, int count, List<Long> values) {
    proxy.send("record " + seed + " " + count);
    proxy.awaitLine(("recorded " + seed + " " + count)::equals, WAIT);
    for (long value : LoadValues.of(seed, count)) {
      values.add(value);
    }
  }

  private URI httpUri(JavaProcess aggregator) {
    aggregator.awaitLine(line -> line.startsWith("endpoint "), WAIT);
    String line = aggregator.awaitLine(l -> l.startsWith("http "), WAIT);
    return URI.create(line.substring("http ".length()));
  }

  private void awaitCount(URI metrics, long expected) {
    Await.until(() -> {
      long count = get(metrics).at("/load/count/value").asLong();
      assertThat(count).as("the cluster count went backwards").isGreaterThanOrEqualTo(
          highestCount);
      highestCount = count;
      return count == expected;
    }, WAIT, () -> "load.count never reached " + expected + " (last seen " + highestCount
        + ")");
  }

  private JsonNode get(URI metrics) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics)
          .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Each reported quantile against the exact one of every value in the merged windows. */
  private static void assertQuantiles(JsonNode stats, List<Long> values, String when) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    JsonNode histogram = stats.at("/load/values");
    for (int i = 0; i < QUANTILES.length; i++) {
      double exact = sorted[(int) Math.floor(QUANTILES[i] * (sorted.length - 1))];
      assertThat(histogram.get(QUANTILE_KEYS[i]).asDouble()).as("%s: %s", when,
          QUANTILE_KEYS[i]).isCloseTo(exact, within(exact * SketchSnapshot.RELATIVE_ERROR));
    }
    assertThat(histogram.get("min").asDouble()).as(when).isEqualTo(sorted[0]);
    assertThat(histogram.get("max").asDouble()).as(when).isEqualTo(sorted[sorted.length - 1]);
  }
}
