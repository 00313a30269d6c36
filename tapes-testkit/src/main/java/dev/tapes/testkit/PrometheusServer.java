package dev.tapes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (from the same Debian package as {@link Promtool}) scraping one
 * target every second: the only strict OpenMetrics parser at hand, and the client our HTTP
 * endpoints are written for.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + port, "/metrics")) {
 *   Await.until(prometheus::targetIsUp, deadline, prometheus::targets);
 * }
 * }</pre>
 *
 * <p>Started on a free loopback port with a throwaway storage directory, stopped by process id
 * on {@link #close()} and on JVM exit. Where the package cannot be installed, the test is
 * skipped with a warning, as for promtool.
 */
public final class PrometheusServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PrometheusServer.class.getName());

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ChildProcess process;
  private final int port;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code http://target/metricsPath} every second. */
  public static PrometheusServer scraping(String target, String metricsPath) {
    Path binary;
    try {
      binary = DebianPackage.unpacked("prometheus", Promtool.CACHE_ENTRY)
          .resolve("usr/bin/prometheus");
    } catch (IOException | RuntimeException e) {
      String reason = "SKIPPING Prometheus server checks: cannot install Debian's prometheus "
          + "package: " + e.getMessage();
      LOG.log(Level.WARNING, reason);
      Assumptions.abort(reason);
      throw new AssertionError("unreachable");
    }
    try {
      int port = FreePort.tcp();
      Path directory = Files.createTempDirectory("tapes-prometheus");
      Path config = directory.resolve("prometheus.yml");
      Files.writeString(config, "global:\n"
          + "  scrape_interval: 1s\n"
          + "  scrape_timeout: 1s\n"
          + "scrape_configs:\n"
          + "  - job_name: tapes\n"
          + "    metrics_path: " + metricsPath + "\n"
          + "    static_configs:\n"
          + "      - targets: ['" + target + "']\n", StandardCharsets.UTF_8);
      ChildProcess process = ChildProcess.start(List.of(binary.toString(),
          "--config.file=" + config,
          "--storage.tsdb.path=" + directory.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port), directory, "prometheus.log", STOP_TIMEOUT);
      PrometheusServer server = new PrometheusServer(process, port);
      try {
        Await.until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited: " + server.log());
          }
          return server.get("/-/ready").contains("Ready");
        }, Duration.ofSeconds(30), () -> "prometheus to be ready; log:\n" + server.log());
      } catch (RuntimeException | Error e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start prometheus: " + e.getMessage(), e);
    }
  }

  /** The JSON of {@code /api/v1/targets}: health, last error and scrape URL of the target. */
  public String targets() {
    return get("/api/v1/targets");
  }

  /** True once the target has been scraped successfully (health up, no error). */
  public boolean targetIsUp() {
    String targets = targets();
    return targets.contains("\"health\":\"up\"") && targets.contains("\"lastError\":\"\"");
  }

  /** The JSON answer of an instant PromQL query. */
  public String query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** The JSON of {@code /api/v1/metadata} for one metric family (type, help, unit). */
  public String metadata(String family) {
    return get("/api/v1/metadata?metric=" + URLEncoder.encode(family, StandardCharsets.UTF_8));
  }

  private String get(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the server has logged so far. */
  public String log() {
    return process.log();
  }

  /** Stops the server by its process id. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
