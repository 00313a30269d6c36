package dev.tapes.distributed;

import dev.tapes.reporting.HttpReporter;
import dev.tapes.reporting.Reporter;
import dev.tapes.reporting.StatsdReporter;
import dev.tapes.reporting.StreamReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The standalone aggregator: {@code java -jar tapes-distributed-<version>-aggregator.jar --bind
 * tcp://0.0.0.0:5557 --http 8889}. Binds the endpoint, serves or pushes the merged metrics with
 * the core's reporters, and runs until SIGTERM or Ctrl-C, when it stops cleanly and saves its
 * state file. {@code --help} lists the options.
 *
 * <p>Exit status: 0 after {@code --help}, {@code --generate-curve-keys} or a clean stop; 2 for
 * a bad command line; 1 if it cannot start (endpoint or port taken, unreadable key file); 3 if
 * its 0MQ transport got stuck, after a clean stop that saved the state file: a stuck transport
 * cannot be rebuilt in the same JVM (see {@link RegistryAggregator.Builder#onTransportFailure}),
 * so a service manager should restart the command on that status.
 */
public final class AggregatorCommand {

  private AggregatorCommand() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command until the JVM is asked to stop; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, builder -> { });
  }

  /** {@link #run(String[], PrintStream, PrintStream)}, with the aggregator's settings tuned. */
  static int run(String[] args, PrintStream out, PrintStream err,
      Consumer<RegistryAggregator.Builder> tuning) {
    AggregatorOptions options;
    try {
      options = AggregatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(AggregatorOptions.USAGE);
      return 2;
    }
    if (options.help) {
      out.print(AggregatorOptions.USAGE);
      return 0;
    }
    if (options.generateCurveKeys) {
      out.print(CurveKeyPair.generate().toKeyFile());
      return 0;
    }
    Running running;
    try {
      running = start(options, out, tuning);
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(() -> {
      running.stop();
      running.ended.countDown();
    }, "tapes-aggregator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      running.ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!running.failed.get()) {
      return 0;
    }
    running.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs or has run: it stops the same aggregator, which is idempotent.
    }
    err.println("error: the aggregator's 0MQ transport is stuck (see the log); stopped, state "
        + "saved, exiting with status 3 to be restarted");
    return 3;
  }

  /**
   * Builds and starts the aggregator and its reporters, and prints where it listens.
   *
   * @throws IOException if a key file cannot be read
   */
  static Running start(AggregatorOptions options, PrintStream out) throws IOException {
    return start(options, out, builder -> { });
  }

  /** {@link #start(AggregatorOptions, PrintStream)}, with the aggregator's settings tuned. */
  static Running start(AggregatorOptions options, PrintStream out,
      Consumer<RegistryAggregator.Builder> tuning) throws IOException {
    CountDownLatch ended = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    RegistryAggregator.Builder builder = RegistryAggregator.builder()
        .endpoint(options.bind)
        .saveInterval(options.saveInterval)
        .silenceTimeout(options.silenceTimeout)
        .retireAfter(options.retireAfter)
        .maxFrameBytes(options.maxFrameBytes);
    if (options.stateFile != null) {
      builder.stateFile(options.stateFile);
    }
    if (options.curveKeyFile != null) {
      builder.curve(CurveKeyPair.load(options.curveKeyFile).secretKey(),
          allowedKeys(options.curveAllowedKeys));
    }
    // The receive thread only signals; the main thread stops everything and exits.
    builder.onTransportFailure(() -> {
      failed.set(true);
      ended.countDown();
    });
    tuning.accept(builder);
    RegistryAggregator aggregator = builder.build();
    List<Reporter> reporters = new ArrayList<>();
    Running running = new Running(aggregator, reporters, ended, failed);
    try {
      HttpReporter http = null;
      if (options.httpPort != null) {
        http = new HttpReporter(InetAddress.getByName(options.httpBind), options.httpPort,
            aggregator.registry());
        reporters.add(http);
      }
      if (options.statsdHost != null) {
        reporters.add(new StatsdReporter(options.statsdInterval, options.statsdHost,
            options.statsdPort, options.statsdPrefix, aggregator.registry()));
      }
      if (options.streamInterval != null) {
        reporters.add(new StreamReporter(options.streamInterval, out, aggregator.registry()));
      }
      // Reporters first, as in the seed: the view holds the saved totals from construction.
      for (Reporter reporter : reporters) {
        reporter.start();
      }
      aggregator.start();
      out.println("endpoint " + aggregator.getEndpoint());
      if (http != null) {
        out.println("http http://" + options.httpBind + ":" + http.getPort() + "/metrics");
      }
      out.flush();
      return running;
    } catch (IOException | RuntimeException e) {
      running.stop();
      throw e;
    }
  }

  /**
   * Reads the allowed proxy keys: one a line, bare or as {@code public-key=KEY}; blank lines and
   * lines starting with {@code #} and a blank are comments. (A bare {@code #} can begin a Z85
   * key.)
   */
  static List<String> allowedKeys(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.equals("#") || trimmed.startsWith("# ")
          || trimmed.startsWith("#\t")) {
        continue;
      }
      String key = trimmed.startsWith("public-key=") ? trimmed.substring(11).strip()
          : trimmed.split("\\s+", 2)[0];
      try {
        CurveKeyPair.checkKey(key, "client public key");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(file + ": no allowed key");
    }
    return keys;
  }

  /** A started aggregator and its reporters. */
  static final class Running {

    private final RegistryAggregator aggregator;
    private final List<Reporter> reporters;
    /** Counted down by a shutdown or a stuck transport: when {@link #run} stops waiting. */
    private final CountDownLatch ended;
    private final AtomicBoolean failed;
    private boolean stopped;

    Running(RegistryAggregator aggregator, List<Reporter> reporters, CountDownLatch ended,
        AtomicBoolean failed) {
      this.aggregator = aggregator;
      this.reporters = reporters;
      this.ended = ended;
      this.failed = failed;
    }

    RegistryAggregator aggregator() {
      return aggregator;
    }

    List<Reporter> reporters() {
      return reporters;
    }

    /**
     * Stops receiving (saving the state file) and then the reporters. Idempotent; synchronized,
     * so that a shutdown hook waits for a stop already under way instead of letting the JVM
     * halt in the middle of its save.
     */
    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      aggregator.stop();
      for (Reporter reporter : reporters) {
        try {
          reporter.stop();
        } catch (RuntimeException e) {
          System.getLogger(AggregatorCommand.class.getName()).log(
              System.Logger.Level.WARNING, "stopping " + reporter + " failed", e);
        }
      }
    }
  }
}
