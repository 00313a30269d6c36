package dev.tapes.reporting;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.exposition.ExpositionFormat;
import dev.tapes.exposition.MetricSelection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a registry over HTTP for applications with no web framework: the seed's
 * {@code HTTPReporter}, on the JDK's own HTTP server.
 *
 * <pre>{@code
 * HttpReporter reporter = new HttpReporter(9100, registry);
 * reporter.start(); // curl http://127.0.0.1:9100/metrics
 * }</pre>
 *
 * <p>{@code GET /metrics} (and {@code GET /}) answers every metric; {@code GET /metrics/my/http}
 * the metrics under {@code my.http} (404 if there are none). The format follows the
 * {@code Accept} header ({@link ContentNegotiation}): JSON by default, OpenMetrics or Prometheus
 * text for Prometheus; 406 if none is acceptable. {@code HEAD} works too; other methods get 405,
 * other paths 404. Each request takes a fresh snapshot.
 *
 * <p>It binds to {@code 127.0.0.1} unless given another address: metrics often say more than an
 * application means to publish. Port 0 picks a free port ({@link #getPort()}). Requests are
 * served one at a time on one daemon thread, never an application thread.
 */
public class HttpReporter implements Reporter {

  private static final System.Logger LOG = System.getLogger(HttpReporter.class.getName());

  private final InetAddress bindAddress;
  private final int port;
  private final Registry registry;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private HttpServer server;
  private ExecutorService executor;
  private volatile int boundPort = -1;
  /** Sized by the last response, so most responses are written without growing. */
  private volatile int lastResponseBytes = 8192;
  private volatile boolean failing;

  /** Serves on {@code 127.0.0.1:port}; port 0 picks a free one. */
  public HttpReporter(int port, Registry registry) {
    this(InetAddress.getLoopbackAddress(), port, registry);
  }

  /** Serves on {@code bindAddress:port}, e.g. {@code InetAddress.getByName("0.0.0.0")}. */
  public HttpReporter(InetAddress bindAddress, int port, Registry registry) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    this.port = port;
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Binds and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound (the port is taken)
   */
  @Override
  public void start() {
    synchronized (lock) {
      if (server != null) {
        return;
      }
      HttpServer created;
      try {
        created = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot serve metrics on " + bindAddress.getHostAddress()
            + ":" + port + ": " + e.getMessage(), e);
      }
      executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tapes-HttpReporter");
        thread.setDaemon(true);
        return thread;
      });
      created.setExecutor(executor);
      created.createContext("/", this::handle);
      created.start();
      server = created;
      boundPort = created.getAddress().getPort();
    }
  }

  @Override
  public void stop() {
    HttpServer stopped;
    ExecutorService stoppedExecutor;
    synchronized (lock) {
      stopped = server;
      stoppedExecutor = executor;
      server = null;
      executor = null;
      boundPort = -1;
    }
    if (stopped != null) {
      stopped.stop(0);
      stoppedExecutor.shutdownNow();
    }
  }

  /** The port it serves on once started (the chosen one if built with 0), else -1. */
  public int getPort() {
    return boundPort;
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "method " + method + " not allowed; use GET\n", head);
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      String below;
      if (path.equals("/") || path.equals("/metrics") || path.equals("/metrics/")) {
        below = "";
      } else if (path.startsWith("/metrics/")) {
        below = metricPath(path.substring("/metrics/".length()));
      } else {
        respond(exchange, 404, "no such resource: " + path + "; metrics are at /metrics\n",
            head);
        return;
      }
      List<String> accepts = exchange.getRequestHeaders().get("Accept");
      Optional<ExpositionFormat> format = ContentNegotiation.negotiate(
          accepts == null ? null : String.join(",", accepts));
      if (format.isEmpty()) {
        respond(exchange, 406, "none of the accepted types is available; available: "
            + ContentNegotiation.AVAILABLE + "\n", head);
        return;
      }
      Optional<RegistrySnapshot> selected = MetricSelection.select(registry.snapshot(), below);
      if (selected.isEmpty()) {
        respond(exchange, 404, "no metric named '" + below + "' or below it\n", head);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(lastResponseBytes + 1024);
      format.get().write(selected.get(), body);
      lastResponseBytes = body.size();
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", format.get().getContentType());
      headers.set("Vary", "Accept");
      headers.set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, head ? -1 : body.size());
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          body.writeTo(out);
        }
      }
      failing = false;
    } catch (IOException | RuntimeException e) {
      // A client that hangs up, or a snapshot that fails: the server thread must go on.
      if (exchange.getResponseCode() == -1) {
        try {
          respond(exchange, 500, "metrics could not be rendered: " + e + "\n", false);
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "serving metrics failed; logged once until a request succeeds",
            e);
      } else {
        LOG.log(Level.DEBUG, "serving metrics failed again", e);
      }
    } finally {
      // Closed only here: a try-with-resources would close it before the catch could answer.
      exchange.close();
    }
  }

  private static String metricPath(String rawPath) {
    StringBuilder decoded = new StringBuilder(rawPath.length());
    for (String segment : rawPath.split("/")) {
      if (decoded.length() > 0) {
        decoded.append('/');
      }
      decoded.append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)
          .replace('/', '.'));
    }
    return MetricSelection.pathOf(decoded.toString());
  }

  private static void respond(HttpExchange exchange, int status, String message, boolean head)
      throws IOException {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
