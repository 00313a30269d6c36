package dev.tapes.it.quarkus;

import dev.tapes.testkit.Await;
import dev.tapes.testkit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application this module builds ({@code target/quarkus-app/quarkus-run.jar}, JVM mode) in a
 * JVM of its own, on a free port of 127.0.0.1, as {@code java -jar} runs it in production.
 *
 * <p>Ready when Quarkus logs that it listens (well under a second of its own here, one or two
 * with the JVM); stopped by SIGTERM on its PID, which runs Quarkus's shutdown (CDI's {@code
 * Shutdown} event, hence Tapes' last report) before the JVM exits.
 */
final class QuarkusApp implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final int port;

  private QuarkusApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the application with {@code jvmOptions} (system properties, which Quarkus's
   * configuration reads) and waits until it listens.
   *
   * @param name names its log, {@code target/it/<name>.log}
   */
  static QuarkusApp start(String name, List<String> jvmOptions) throws IOException {
    QuarkusApp app = launch(name, jvmOptions);
    try {
      app.await(START_TIMEOUT, "Quarkus to listen",
          () -> app.log().contains("Listening on: http://127.0.0.1:" + app.port));
    } catch (RuntimeException | Error e) {
      app.close();
      throw e;
    }
    return app;
  }

  /** Starts the application without waiting: for an application expected to fail. */
  static QuarkusApp launch(String name, List<String> jvmOptions) throws IOException {
    Path jar = Path.of(System.getProperty("quarkus.app"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no application at " + jar + "; run the tests through"
          + " Maven (mvn verify), which builds it");
    }
    Path directory = Files.createDirectories(Path.of(System.getProperty("it.dir")));
    Path log = directory.resolve(name + ".log");
    int port = FreePort.tcp();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new QuarkusApp(process, log, port);
  }

  long pid() {
    return process.pid();
  }

  /** {@code http://127.0.0.1:PORT/} + {@code path}. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/" + path);
  }

  /** What the application has written so far (its log goes to standard output). */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to exit on its own; its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; log:\n" + log());
    }
    return process.exitValue();
  }

  private void await(Duration timeout, String what, java.util.function.BooleanSupplier done) {
    Await.until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the application exited (" + process.exitValue() + ") while"
            + " waiting for " + what + "; log:\n" + log());
      }
      return done.getAsBoolean();
    }, timeout, Duration.ofMillis(100), () -> what + "; log in " + log);
  }

  /**
   * Stops the application by its process id: SIGTERM, and SIGKILL if it is still there 30 s
   * later.
   *
   * @return the exit code
   */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
