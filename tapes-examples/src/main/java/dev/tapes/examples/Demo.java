package dev.tapes.examples;

import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.SnapshotSource;
import dev.tapes.TimerSnapshot;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo: a small shop instrumented with Tapes, on 127.0.0.1:8080 (or a free port if that is
 * taken), with a little traffic at it, until Ctrl-C.
 *
 * <pre>
 * mvn -B -q -pl tapes-examples -am -DskipTests package
 * java -jar tapes-examples/target/tapes-examples-demo.jar [--port N] [--no-traffic]
 * curl http://127.0.0.1:8080/metrics
 * </pre>
 *
 * <p>{@code --port 0} takes any free port. {@code cluster [--workers N]} runs the multi-process
 * form instead ({@link ClusterDemo}): an aggregator and N (3) worker JVMs.
 */
public final class Demo {

  static final int DEFAULT_PORT = 8080;
  private static final PrintStream OUT = System.out;

  private Demo() {}

  public static void main(String[] args) throws InterruptedException {
    DemoLogging.configure();
    int port = DEFAULT_PORT;
    boolean traffic = true;
    boolean cluster = false;
    int workers = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "cluster" -> cluster = true;
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--no-traffic" -> traffic = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; known: [cluster [--workers N]] [--port N] [--no-traffic]");
      }
    }
    if (cluster) {
      ClusterDemo.run(port, workers, traffic);
    } else {
      shop(port, traffic);
    }
  }

  private static void shop(int port, boolean traffic) throws InterruptedException {
    ShopServer shop = startShop(port);
    Traffic requests = traffic ? Traffic.start(List.of(shop.uri()), 5) : null;
    URI uri = shop.uri();
    OUT.println("Tapes demo: a shop on Weld SE + Jersey (Grizzly), measured by tapes-cdi and"
        + " tapes-jaxrs");
    OUT.println("  shop:     " + uri + "widgets   " + uri + "gadgets/g1   curl -X POST "
        + uri + "orders");
    OUT.println("  metrics:  curl " + uri + "metrics                 (JSON)");
    OUT.println("            curl " + uri + "metrics/shop/Warehouse  (a subtree)");
    OUT.println("            curl -H 'Accept: text/plain;version=0.0.4' " + uri + "metrics");
    OUT.println("  " + (requests != null ? "5 requests a second go to the shop; " : "")
        + "Ctrl-C stops the demo");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (requests != null) {
        requests.close();
      }
      shop.close();
      OUT.println("Tapes demo stopped");
      stopped.countDown();
    }, "demo-stop"));
    Registry registry = shop.registry();
    long started = System.nanoTime();
    while (!stopped.await(10, TimeUnit.SECONDS) && requests != null) {
      OUT.printf("[%3d s] %s | %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
          requests.summary(), describe(registry, "shop.Warehouse.ship"));
    }
  }

  /** The shop on {@code port}, or on a free port if the default port is taken. */
  private static ShopServer startShop(int port) {
    try {
      return ShopServer.start(port);
    } catch (RuntimeException e) {
      if (port != DEFAULT_PORT || !(rootCause(e) instanceof java.net.BindException)) {
        throw e;
      }
      OUT.println("Port " + DEFAULT_PORT + " is taken: using a free port instead");
      return ShopServer.start(0);
    }
  }

  /**
   * {@code "shop.Warehouse.ship: 12 calls, p50 21.3 ms, p99 38.0 ms"}, from a snapshot: so it
   * reads an aggregator's merged registry as well as a live one.
   */
  static String describe(SnapshotSource registry, String timerName) {
    for (MetricSnapshot metric : registry.snapshot().metrics()) {
      if (metric instanceof TimerSnapshot timer && timer.name().equals(timerName)
          && timer.count() > 0) {
        return String.format("%s: %d calls, p50 %.1f ms, p99 %.1f ms", timerName, timer.count(),
            timer.window().getQuantile(0.5) / 1e6, timer.window().getQuantile(0.99) / 1e6);
      }
    }
    return timerName + ": no calls yet";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
