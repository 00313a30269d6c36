package dev.tapes.reporting;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tapes.SnapshotSource;
import dev.tapes.scrape.Caller;
import dev.tapes.scrape.ContentNegotiation;
import dev.tapes.scrape.ScrapeHandler;
import dev.tapes.scrape.ScrapeResponse;
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
 * text for Prometheus; 406 if none is acceptable (the rules are {@link ScrapeHandler}'s, shared
 * with every endpoint). {@code HEAD} works too; other methods get 405, other paths 404. Each
 * request takes a fresh snapshot of what it selects.
 *
 * <p>It binds to {@code 127.0.0.1} unless given another address: metrics often say more than an
 * application means to publish. Port 0 picks a free port ({@link #getPort()}). Requests are
 * served one at a time on one daemon thread, never an application thread.
 */
public class HttpReporter implements Reporter {

  private static final System.Logger LOG = System.getLogger(HttpReporter.class.getName());

  private final InetAddress bindAddress;
  private final int port;
  private final ScrapeHandler handler;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private HttpServer server;
  private ExecutorService executor;
  private volatile int boundPort = -1;
  /** Sized by the last response, so most responses are written without growing. */
  private volatile int lastResponseBytes = 8192;
  private volatile boolean failing;

  /** Serves on {@code 127.0.0.1:port}; port 0 picks a free one. */
  public HttpReporter(int port, SnapshotSource registry) {
    this(InetAddress.getLoopbackAddress(), port, registry);
  }

  /** Serves on {@code bindAddress:port}, e.g. {@code InetAddress.getByName("0.0.0.0")}. */
  public HttpReporter(InetAddress bindAddress, int port, SnapshotSource registry) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    this.port = port;
    this.handler = new ScrapeHandler(Objects.requireNonNull(registry, "registry"), null);
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
        below = decode(path.substring("/metrics/".length()));
      } else {
        respond(exchange, 404, "no such resource: " + path + "; metrics are at /metrics\n",
            head);
        return;
      }
      List<String> accepts = exchange.getRequestHeaders().get("Accept");
      ScrapeResponse response = handler.handle(below,
          accepts == null ? null : String.join(",", accepts), Caller.ANONYMOUS);
      ByteArrayOutputStream body = new ByteArrayOutputStream(lastResponseBytes + 1024);
      response.writeBody(body);
      if (response.hasMetrics()) {
        lastResponseBytes = body.size();
      }
      Headers headers = exchange.getResponseHeaders();
      response.headers().forEach(headers::set);
      exchange.sendResponseHeaders(response.status(), head ? -1 : body.size());
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

  /** Decodes each segment of a raw path; an encoded slash inside a segment stands for a dot. */
  private static String decode(String rawPath) {
    StringBuilder decoded = new StringBuilder(rawPath.length());
    for (String segment : rawPath.split("/")) {
      if (decoded.length() > 0) {
        decoded.append('/');
      }
      decoded.append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)
          .replace('/', '.'));
    }
    return decoded.toString();
  }

  private static void respond(HttpExchange exchange, int status, String message, boolean head)
      throws IOException {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", ScrapeResponse.TEXT);
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
