package dev.tapes.jaxrs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on an embedded Grizzly HTTP server on a free loopback port, and a real HTTP client to
 * it. Grizzly, not Jersey's JDK HTTP container, because only Grizzly can suspend requests.
 */
final class JerseyServer implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  private JerseyServer(HttpServer server) {
    this.server = server;
    int port = server.getListeners().iterator().next().getPort();
    this.base = URI.create("http://127.0.0.1:" + port + "/");
  }

  /** {@code 127.0.0.1:port}, as a scrape target. */
  String address() {
    return base.getHost() + ":" + base.getPort();
  }

  static JerseyServer start(ResourceConfig application) {
    return new JerseyServer(
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application));
  }

  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, headers);
  }

  HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
