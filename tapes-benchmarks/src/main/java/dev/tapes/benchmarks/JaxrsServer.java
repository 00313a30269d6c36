package dev.tapes.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jersey3.InstrumentedResourceMethodApplicationListener;
import dev.tapes.Registry;
import dev.tapes.Tapes;
import dev.tapes.jaxrs.ResourceTimingFeature;
import dev.tapes.jaxrs.TapesFeature;
import dev.tapes.jaxrs.UnmatchedRequestFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * One Jersey 3.1 application on Grizzly, serving {@link HelloResource} on 127.0.0.1 and a free
 * port, uninstrumented, with {@code TapesFeature}, or with Dropwizard's Jersey instrumentation:
 * the servers of the JAX-RS overhead stage ({@code tapes-benchmarks/jaxrs.sh}), each run in a
 * JVM of its own. Two diagnostic modes carry one part of {@code TapesFeature} each, to tell
 * which part costs what.
 *
 * <pre>
 * java -cp benchmarks.jar dev.tapes.benchmarks.JaxrsServer \
 *     plain|tapes|dropwizard|tapes-timing|tapes-unmatched PORT_FILE
 * </pre>
 *
 * <p>It writes the port it bound to {@code PORT_FILE} once it serves, and runs until killed;
 * on the way out it prints how many requests its instrumentation timed, so that the stage can
 * check it timed what {@code wrk} sent.
 */
public final class JaxrsServer {

  /** Which instrumentation the application carries. */
  enum Mode {
    /** None: the baseline. */
    PLAIN,
    /** {@code TapesFeature}: a timer, status meters and an error meter per resource method. */
    TAPES,
    /** Dropwizard's {@code InstrumentedResourceMethodApplicationListener} with its annotations. */
    DROPWIZARD,
    /** Diagnostic: only the part of {@code TapesFeature} that times resource methods. */
    TAPES_TIMING,
    /**
     * Diagnostic: only {@code TapesFeature}'s global filter counting unmatched requests. Alone,
     * it counts every request as unmatched (it relies on a request property the timing filter
     * sets), which costs what its check and a meter mark cost beside the whole feature.
     */
    TAPES_UNMATCHED
  }

  private final Mode mode;
  private final Registry tapes = new Registry();
  private final MetricRegistry dropwizard = new MetricRegistry();
  private final HttpServer server;

  private JaxrsServer(Mode mode) {
    this.mode = mode;
    this.server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        application());
  }

  static JaxrsServer start(Mode mode) {
    return new JaxrsServer(mode);
  }

  private ResourceConfig application() {
    ResourceConfig application = new ResourceConfig(HelloResource.class);
    switch (mode) {
      case TAPES -> application.register(TapesFeature.builder().registry(tapes).build());
      case DROPWIZARD ->
          application.register(new InstrumentedResourceMethodApplicationListener(dropwizard));
      // Configured from the environment, so on the application's registry: Tapes.registry().
      case TAPES_TIMING -> application.register(new ResourceTimingFeature());
      case TAPES_UNMATCHED -> application.register(new UnmatchedRequestFilter());
      default -> { }
    }
    return application;
  }

  int port() {
    return server.getListeners().iterator().next().getPort();
  }

  /** How many requests the instrumentation timed; -1 for the uninstrumented server. */
  long timedRequests() {
    return switch (mode) {
      case TAPES -> timed(tapes);
      case TAPES_TIMING -> timed(Tapes.registry());
      case DROPWIZARD -> dropwizard.getTimers().entrySet().stream()
          .filter(entry -> entry.getKey().endsWith("HelloResource.hello"))
          .mapToLong(entry -> entry.getValue().getCount())
          .sum();
      default -> -1;
    };
  }

  private static long timed(Registry registry) {
    return registry.getMetrics().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("HelloResource.hello.latency"))
        .mapToLong(entry -> ((dev.tapes.Timer) entry.getValue()).getCount())
        .sum();
  }

  void stop() {
    server.shutdownNow();
    tapes.close();
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: JaxrsServer plain|tapes|dropwizard|"
          + "tapes-timing|tapes-unmatched PORT_FILE");
    }
    JaxrsServer server = start(Mode.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_')));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("timed requests: " + server.timedRequests());
      server.stop();
      stopped.countDown();
    }, "jaxrs-server-stop"));
    writePort(Path.of(args[1]), server.port());
    System.out.println(server.mode + " serving on 127.0.0.1:" + server.port());
    stopped.await();
  }

  /** Written whole, then moved in place: a reader never sees half a port. */
  private static void writePort(Path file, int port) {
    try {
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, Integer.toString(port));
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the port to " + file, e);
    }
  }
}
