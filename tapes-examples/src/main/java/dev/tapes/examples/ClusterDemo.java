package dev.tapes.examples;

import dev.tapes.GaugeSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.SnapshotSource;
import dev.tapes.distributed.RegistryAggregator;
import dev.tapes.reporting.HttpReporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's multi-process setup, in one command: an aggregator in this JVM, serving the merged
 * metrics of the cluster on {@code /metrics}, and worker JVMs running the shop, each with a
 * distributed proxy as its registry ({@link Worker}). Traffic goes to every worker; Ctrl-C stops
 * the workers (each ships its last state), then the aggregator.
 */
final class ClusterDemo {

  private static final PrintStream OUT = System.out;
  private static final long WORKER_START_SECONDS = 120;

  private ClusterDemo() {}

  static void run(int port, int workers, boolean traffic) throws InterruptedException {
    RegistryAggregator aggregator =
        RegistryAggregator.builder().endpoint("tcp://127.0.0.1:*").build();
    aggregator.start();
    HttpReporter http = startHttp(port, aggregator.registry());
    List<Process> processes = new ArrayList<>();
    List<URI> shops = new ArrayList<>();
    try {
      for (int i = 1; i <= workers; i++) {
        processes.add(startWorker("worker-" + i, aggregator.getEndpoint()));
      }
      for (Process process : processes) {
        shops.add(awaitReady(process));
      }
    } catch (RuntimeException e) {
      processes.forEach(Process::destroy);
      http.stop();
      aggregator.close();
      throw e;
    }
    Traffic requests = traffic ? Traffic.start(shops, 10) : null;
    String metrics = "http://127.0.0.1:" + http.getPort() + "/metrics";
    OUT.println("Tapes cluster demo: " + workers + " shop workers report to one aggregator ("
        + aggregator.getEndpoint() + ")");
    OUT.println("  workers:  " + shops);
    OUT.println("  metrics:  curl " + metrics + "             (the whole cluster, JSON)");
    OUT.println("            curl " + metrics + "/shop/Warehouse");
    OUT.println("            curl -H 'Accept: text/plain;version=0.0.4' " + metrics);
    OUT.println("  " + (requests != null ? "10 requests a second go to the workers; " : "")
        + "Ctrl-C stops the demo");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (requests != null) {
        requests.close();
      }
      stopWorkers(processes);
      OUT.println("Cluster totals: " + Demo.describe(aggregator.registry(),
          "shop.Warehouse.ship"));
      http.stop();
      aggregator.close();
      OUT.println("Tapes cluster demo stopped");
      stopped.countDown();
    }, "demo-stop"));
    long started = System.nanoTime();
    while (!stopped.await(10, TimeUnit.SECONDS) && requests != null) {
      OUT.printf("[%3d s] %s | %d workers live | %s%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), requests.summary(),
          liveWorkers(aggregator.registry()), Demo.describe(aggregator.registry(),
              "shop.Warehouse.ship"));
    }
  }

  private static HttpReporter startHttp(int port, SnapshotSource registry) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    HttpReporter http = new HttpReporter(loopback, port, registry);
    try {
      http.start();
    } catch (RuntimeException e) {
      if (port != Demo.DEFAULT_PORT) {
        throw e;
      }
      OUT.println("Port " + port + " is taken: using a free port instead");
      http = new HttpReporter(loopback, 0, registry);
      http.start();
    }
    return http;
  }

  /** A JVM on this JVM's class path, configured for the aggregator by system properties. */
  private static Process startWorker(String name, String endpoint) {
    try {
      return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-XX:TieredStopAtLevel=1",
          "-Dtapes.distributed.endpoint=" + endpoint,
          "-Dtapes.distributed.process-name=" + name,
          "-cp", System.getProperty("java.class.path"), Worker.class.getName())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Waits for the worker's ready line, then copies what it prints, prefixed with its name. */
  private static URI awaitReady(Process worker) {
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      String prefix = "[pid " + worker.pid() + "] ";
      try {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!ready.isDone() && line.startsWith(Worker.READY)) {
            String[] words = line.split(" ");
            prefix = "[" + words[1] + "] ";
            ready.complete(URI.create(words[2]));
          } else {
            OUT.println(prefix + line);
          }
        }
      } catch (IOException e) {
        OUT.println(prefix + "output lost: " + e.getMessage());
      }
      ready.completeExceptionally(new IllegalStateException("worker pid " + worker.pid()
          + " exited before serving"));
    }, "demo-worker-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return ready.get(WORKER_START_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("worker pid " + worker.pid() + " did not start", e);
    }
  }

  /**
   * SIGTERM to each (they ship their last state as they stop), then waits for all. Through
   * their handles: {@code Process.destroy()} would also close their output, and lose the line
   * saying they stopped.
   */
  private static void stopWorkers(List<Process> workers) {
    workers.forEach(worker -> worker.toHandle().destroy());
    for (Process worker : workers) {
      try {
        if (!worker.waitFor(30, TimeUnit.SECONDS)) {
          worker.destroyForcibly();
        }
      } catch (InterruptedException e) {
        worker.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long liveWorkers(SnapshotSource registry) {
    for (MetricSnapshot metric : registry.snapshot().metrics()) {
      if (metric instanceof GaugeSnapshot gauge
          && gauge.name().equals(RegistryAggregator.PROCESSES_LIVE)) {
        return (long) gauge.value();
      }
    }
    return 0;
  }
}
