package dev.tapes.examples;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * One worker process of the cluster demo: the shop on a free port, its metrics shipped to an
 * aggregator. Nothing in the code says so: tapes-cdi reads {@code tapes.distributed.endpoint}
 * (a system property here, as any configuration) and makes the application's registry a
 * distributed proxy, which ships its last state when the application stops.
 *
 * <pre>
 * java -Dtapes.distributed.endpoint=tcp://127.0.0.1:5557 -Dtapes.distributed.process-name=w1 \
 *     -cp tapes-examples/target/tapes-examples-demo.jar dev.tapes.examples.Worker
 * </pre>
 *
 * <p>Prints one line, {@code worker NAME http://127.0.0.1:PORT/}, once it serves; stops on
 * SIGTERM or Ctrl-C.
 */
public final class Worker {

  /** What a worker prints once it serves: the line its starter waits for. */
  static final String READY = "worker ";

  private Worker() {}

  public static void main(String[] args) throws InterruptedException {
    DemoLogging.configure();
    String name = System.getProperty("tapes.distributed.process-name", "worker");
    if (System.getProperty("tapes.distributed.endpoint") == null) {
      throw new IllegalStateException("set -Dtapes.distributed.endpoint=tcp://HOST:PORT, the "
          + "aggregator this worker reports to");
    }
    ShopServer shop = ShopServer.start(0);
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = System.out;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shop.close(); // the container stops, and the proxy ships its last state
      out.println("stopped");
      stopped.countDown();
    }, "worker-stop"));
    out.println(READY + name + " " + shop.uri());
    stopped.await();
  }
}
