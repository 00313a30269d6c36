package dev.tapes.examples;

import dev.tapes.Registry;
import dev.tapes.examples.shop.GadgetResource;
import dev.tapes.examples.shop.OrderResource;
import dev.tapes.examples.shop.WidgetResource;
import dev.tapes.jaxrs.TapesFeature;
import jakarta.enterprise.inject.se.SeContainer;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;

/**
 * The shop on the embedded default: a Weld SE container, and Jersey on Grizzly (Jersey's JDK
 * HTTP server cannot suspend the asynchronous orders), on 127.0.0.1.
 */
final class ShopServer implements AutoCloseable {

  private final SeContainer cdi;
  private final HttpServer http;
  private final URI uri;

  private ShopServer(SeContainer cdi, HttpServer http) {
    this.cdi = cdi;
    this.http = http;
    this.uri = URI.create("http://127.0.0.1:" + http.getListeners().iterator().next().getPort()
        + "/");
  }

  /**
   * Starts the shop on {@code port} (0: any free port), with {@code extraBeans} beside the
   * shop's own beans (a worker adds the producer of its registry).
   */
  static ShopServer start(int port, Class<?>... extraBeans) {
    // The shop's package, discovered as a WAR without beans.xml is ("annotated"): the same beans
    // as on a server. Discovery stays on for the portable extensions (tapes-cdi's, Jersey's):
    // Weld SE loads none from META-INF/services without it.
    SeContainer cdi = new Weld()
        .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
        .addPackages(true, WidgetResource.class)
        .addBeanClasses(extraBeans)
        .skipShutdownHook() // the demo stops the HTTP server first, then the container
        .initialize();
    try {
      // A server scans for @Path and @Provider classes; here the application lists them, and
      // TapesFeature registers tapes-jaxrs (the per-method timers and GET /metrics).
      ResourceConfig application = new ResourceConfig(WidgetResource.class, GadgetResource.class,
          OrderResource.class).register(new TapesFeature());
      HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
          URI.create("http://127.0.0.1:" + port + "/"), application);
      return new ShopServer(cdi, http);
    } catch (RuntimeException e) {
      cdi.close();
      throw e;
    }
  }

  URI uri() {
    return uri;
  }

  /** The application's registry, as tapes-cdi chose it. */
  Registry registry() {
    return cdi.select(Registry.class).get();
  }

  /** Finishes the requests in progress (a few seconds at most), then stops the container. */
  @Override
  public void close() {
    try {
      http.shutdown().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      http.shutdownNow();
    } catch (InterruptedException e) {
      http.shutdownNow();
      Thread.currentThread().interrupt();
    }
    cdi.close();
  }
}
