package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.reporting.StatsdReporter;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpListsEveryOptionAndExitsZero() {
    assertThat(run("--help")).isZero();

    String help = out.toString(StandardCharsets.UTF_8);
    Matcher options = Pattern.compile("\\n\\s+(--[a-z-]+)").matcher(AggregatorOptions.USAGE);
    int listed = 0;
    while (options.find()) {
      listed++;
      assertThat(help).contains(options.group(1));
    }
    assertThat(listed).isEqualTo(17);
  }

  @Test
  void aBadCommandLineExitsTwoWithTheReason() {
    assertThat(run("--http", "seventy")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --http: not a number")
        .contains("Usage:");
    assertThat(run("--curve-key-file", "k")).isEqualTo(2);
    assertThat(run("--bind")).isEqualTo(2);
    assertThat(run("--frobnicate")).isEqualTo(2);
  }

  @Test
  void optionsHaveDefaultsAndParse() {
    AggregatorOptions defaults = AggregatorOptions.parse();
    assertThat(defaults.bind).isEqualTo("tcp://127.0.0.1:5557");
    assertThat(defaults.httpPort).isNull();
    assertThat(defaults.stateFile).isEqualTo(Path.of("tapes-aggregator.state"));

    AggregatorOptions options = AggregatorOptions.parse("--bind", "tcp://0.0.0.0:6000",
        "--http", "8889", "--http-bind", "0.0.0.0", "--statsd", "metrics.local:8125",
        "--statsd-prefix", "cluster", "--statsd-interval", "PT30S", "--stream-interval", "1m",
        "--no-state", "--save-interval", "500ms", "--silence-timeout", "3s",
        "--retire-after", "2h", "--max-frame-bytes", "2048");
    assertThat(options.bind).isEqualTo("tcp://0.0.0.0:6000");
    assertThat(options.httpPort).isEqualTo(8889);
    assertThat(options.statsdHost).isEqualTo("metrics.local");
    assertThat(options.statsdPort).isEqualTo(8125);
    assertThat(options.statsdInterval).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.streamInterval).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.stateFile).isNull();
    assertThat(options.saveInterval).isEqualTo(Duration.ofMillis(500));
    assertThat(options.retireAfter).isEqualTo(Duration.ofHours(2));
    assertThat(options.maxFrameBytes).isEqualTo(2048);
    assertThatThrownBy(() -> AggregatorOptions.time("10", "--x"))
        .hasMessageContaining("--x: ").hasMessageContaining("with a unit");
    assertThatThrownBy(() -> AggregatorOptions.time("0s", "--x"))
        .hasMessageContaining("positive");
  }

  @Test
  void generatedKeysLoadBack() throws Exception {
    assertThat(run("--generate-curve-keys")).isZero();
    Path file = directory.resolve("aggregator.key");
    Files.writeString(file, out.toString(StandardCharsets.UTF_8));

    CurveKeyPair pair = CurveKeyPair.load(file);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(pair.publicKey())
        .contains(pair.secretKey());
  }

  @Test
  void allowedKeyFilesTakeBareKeysKeyLinesAndComments() throws Exception {
    String hashKey = "#" + CurveKeyPair.generate().publicKey().substring(1);
    String plain = CurveKeyPair.generate().publicKey();
    String prefixed = CurveKeyPair.generate().publicKey();
    Path file = directory.resolve("allowed");
    Files.writeString(file, "# allowed proxies\n\n" + plain + "  web-1\npublic-key=" + prefixed
        + "\n" + hashKey + "\n#\n");

    assertThat(AggregatorCommand.allowedKeys(file)).containsExactly(plain, prefixed, hashKey);

    Files.writeString(file, plain + "\nnot-a-key\n");
    assertThatThrownBy(() -> AggregatorCommand.allowedKeys(file))
        .hasMessageContaining(file + ":2");
  }

  @Test
  void startedCommandServesTheMergedViewAndPushesToStatsd() throws Exception {
    try (DatagramSocket statsd = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      statsd.setSoTimeout((int) WAIT.toMillis());
      AggregatorOptions options = AggregatorOptions.parse("--bind", "tcp://127.0.0.1:*",
          "--http", "0", "--statsd", "127.0.0.1:" + statsd.getLocalPort(),
          "--statsd-interval", "200ms", "--state", directory.resolve("s").toString());
      AggregatorCommand.Running running = AggregatorCommand.start(options,
          new PrintStream(out, true, StandardCharsets.UTF_8));
      try (DistributedRegistry proxy = DistributedRegistry.builder(
          running.aggregator().getEndpoint()).closeOnShutdown(false).build()) {
        proxy.counter("jobs.done").increment(5);
        proxy.connect();
        proxy.flush();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("endpoint tcp://127.0.0.1:");
        Matcher url = Pattern.compile("http (\\S+)").matcher(printed);
        assertThat(url.find()).isTrue();
        HttpClient client = HttpClient.newHttpClient();
        Await.until(() -> get(client, url.group(1)).contains("\"jobs\":{\"done\":{\"value\":5}}"),
            WAIT, () -> get(client, url.group(1)));
        assertThat(running.reporters()).hasAtLeastOneElementOfType(StatsdReporter.class);
        assertThat(receive(statsd, "jobs.done:5|g")).contains("jobs.done:5|g");
      } finally {
        running.stop();
      }
      assertThat(directory.resolve("s")).exists();
    }
  }

  @Test
  void aTakenEndpointExitsOne() throws Exception {
    int port = FreePort.tcp();
    try (RegistryAggregator holder = RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:" + port).build()) {
      holder.start();
      assertThat(run("--bind", "tcp://127.0.0.1:" + port, "--no-state")).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot bind");
    }
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return AggregatorCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String get(HttpClient client, String url) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Datagrams until one holds {@code wanted}; all of them, for the failure message. */
  private static String receive(DatagramSocket socket, String wanted) throws Exception {
    StringBuilder seen = new StringBuilder();
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
      socket.receive(packet);
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      seen.append(text).append('\n');
      if (text.contains(wanted)) {
        return text;
      }
    }
    return seen.toString();
  }
}
