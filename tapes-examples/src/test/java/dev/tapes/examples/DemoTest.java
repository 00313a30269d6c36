package dev.tapes.examples;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer runs it: its own JVM, its own traffic, {@code /metrics} answering, and
 * Ctrl-C (SIGINT to the process) stopping it cleanly.
 */
class DemoTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Pattern METRICS_URL = Pattern.compile("curl (http://\\S+/metrics) ");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void demoMeasuresItsOwnTrafficAndStopsCleanlyOnCtrlC(@TempDir Path directory)
      throws Exception {
    Path output = directory.resolve("demo.out");
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Demo.class.getName(),
        "--port", "0")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      Await.until(() -> read(output).contains("Ctrl-C stops the demo"), DEADLINE,
          () -> "the demo to start; it printed:\n" + read(output));
      Matcher url = METRICS_URL.matcher(read(output));
      assertThat(url.find()).as(read(output)).isTrue();
      URI metrics = URI.create(url.group(1));

      // The traffic reaches every kind of resource: catalogs, asynchronous orders.
      Await.until(() -> {
        JsonNode shop = parse(get(URI.create(metrics + "/shop"))).get("shop");
        return shop.at("/WidgetResource/list/latency/count").asLong() > 0
            && shop.at("/Warehouse/ship/count").asLong() > 0
            && shop.at("/OrderResource/place/responses/2xx/count").asLong() > 0;
      }, DEADLINE, () -> "traffic in " + get(metrics));

      String signal = Signals.interrupt(demo.pid());
      assertThat(demo.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("the demo to exit after SIG%s", signal).isTrue();
      assertThat(demo.exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(lines).last().isEqualTo("Tapes demo stopped");
      assertThat(lines).as("no warning (WARN: jboss-logging's level name), no stack trace").noneMatch(line -> line.startsWith(
          "WARN") || line.startsWith("\tat ") || line.startsWith("Exception"));
    } finally {
      demo.destroyForcibly();
    }
  }

  @Test
  void clusterDemoMergesItsWorkersAndLeavesNoneRunning(@TempDir Path directory) throws Exception {
    Path output = directory.resolve("cluster.out");
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Demo.class.getName(),
        "cluster", "--port", "0")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      Await.until(() -> read(output).contains("Ctrl-C stops the demo"), DEADLINE,
          () -> "the cluster to start; it printed:\n" + read(output));
      Matcher url = METRICS_URL.matcher(read(output));
      assertThat(url.find()).as(read(output)).isTrue();
      URI metrics = URI.create(url.group(1));
      List<ProcessHandle> workers = demo.descendants().toList();
      assertThat(workers).hasSize(3);

      // The aggregator's endpoint shows all three workers, and the shop's metrics merged.
      Await.until(() -> {
        JsonNode all = parse(get(metrics));
        return all.at("/tapes/aggregator/processes/live/value").asInt() == 3
            && all.at("/shop/Warehouse/ship/count").asLong() > 0
            && all.at("/shop/WidgetResource/list/latency/count").asLong() > 0;
      }, DEADLINE, () -> "3 live workers and traffic in " + get(metrics));

      String signal = Signals.interrupt(demo.pid());
      assertThat(demo.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("the demo to exit after SIG%s", signal).isTrue();
      assertThat(workers).noneMatch(ProcessHandle::isAlive);
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(lines).contains("[worker-1] stopped", "[worker-2] stopped", "[worker-3] stopped")
          .last().isEqualTo("Tapes cluster demo stopped");
      assertThat(lines).as("no warning (WARN: jboss-logging's level name), no stack trace").noneMatch(line -> line.contains(
          "WARN") || line.contains("\tat ") || line.startsWith("Exception"));
    } finally {
      demo.descendants().forEach(ProcessHandle::destroyForcibly);
      demo.destroyForcibly();
    }
  }

  private static String get(URI uri) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
