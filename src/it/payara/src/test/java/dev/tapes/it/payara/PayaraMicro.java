package dev.tapes.it.payara;

import dev.tapes.it.shop.DeploymentDirectory;
import dev.tapes.it.shop.WarServer;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.Directories;
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
import java.util.function.BooleanSupplier;

/**
 * Payara Micro 6 in a JVM of its own, listening on a free port of 127.0.0.1 only, with
 * applications deployed and undeployed through its autodeploy directory.
 *
 * <p>The recipe, measured on a 2-core machine (see docs/DESIGN.md): {@code --nohazelcast} alone
 * ({@code --nocluster} would re-enable Hazelcast and its port on every interface), {@code
 * --disablephonehome}, pre-boot commands that bind the HTTP listener to 127.0.0.1 and poll the
 * autodeploy directory every second, C1 only ({@code -XX:TieredStopAtLevel=1} about halves
 * start-up), a fresh root directory per server (a reused one redeploys old applications and a
 * stale {@code .autodeploystatus} hides new ones). Payara logs "ready" even when a deployment
 * failed, so deployments are judged by the autodeployer's marker files, and tests still check the
 * application over HTTP. It starts in 3-8 s and stops on SIGTERM in under a second.
 */
final class PayaraMicro implements WarServer, AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final DeploymentDirectory.Markers PAYARA_MARKERS =
      new DeploymentDirectory.Markers("_deployed", "_deployFailed", "_undeployed", "_undeployFailed");

  private final Process process;
  private final Path directory;
  private final DeploymentDirectory deployments;
  private final Path log;
  private final int port;

  private PayaraMicro(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.deployments = new DeploymentDirectory(directory.resolve("deploy"), PAYARA_MARKERS,
        DEPLOY_TIMEOUT, this::await, this::log);
    this.log = directory.resolve("server.log");
    this.port = port;
  }

  /**
   * Starts Payara Micro in {@code directory} (emptied first) with {@code jvmOptions} (system
   * properties for the applications, say) and waits until it is ready.
   */
  static PayaraMicro start(Path directory, List<String> jvmOptions) throws IOException {
    Path jar = Path.of(System.getProperty("payara.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no Payara Micro at " + jar + "; run the tests through "
          + "Maven (mvn verify), which fetches it");
    }
    Directories.deleteRecursively(directory);
    Path deployments = Files.createDirectories(directory.resolve("deploy"));
    Path preBoot = directory.resolve("preboot.txt");
    String config = "set configs.config.server-config.";
    Files.write(preBoot, List.of(
        config + "network-config.network-listeners.network-listener.http-listener.address"
            + "=127.0.0.1",
        config + "admin-service.das-config.autodeploy-dir=" + deployments.toAbsolutePath(),
        config + "admin-service.das-config.autodeploy-polling-interval-in-seconds=1"));
    int port = FreePort.tcp();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--nohazelcast",
        "--disablephonehome", "--port", Integer.toString(port),
        "--rootdir", directory.resolve("root").toAbsolutePath().toString(),
        "--prebootcommandfile", preBoot.toAbsolutePath().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(directory.resolve("server.log").toFile()).start();
    PayaraMicro server = new PayaraMicro(process, directory, port);
    try {
      server.await(START_TIMEOUT, "Payara Micro to be ready",
          () -> server.log().contains(") ready in "));
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }


  @Override
  public long pid() {
    return process.pid();
  }

  /** {@code http://127.0.0.1:PORT/} + {@code path}. */
  @Override
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/" + path);
  }

  @Override
  public void deploy(Path war, String name) throws IOException {
    deployments.deploy(war, name);
  }

  @Override
  public void undeploy(String name) throws IOException {
    deployments.undeploy(name);
  }

  /** What the server has logged so far. */
  @Override
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void await(Duration timeout, String what, BooleanSupplier done) {
    Await.until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("Payara Micro exited (" + process.exitValue() + ") while "
            + "waiting for " + what + "; log:\n" + log());
      }
      return done.getAsBoolean();
    }, timeout, Duration.ofMillis(200), () -> what + "; log in " + log);
  }

  /**
   * Stops the server by its process id: SIGTERM (its shutdown hook undeploys what is left), and
   * SIGKILL if it is still there 30 s later. Deletes the unpacked runtime
   * (about 100 MB) and keeps the log.
   */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Directories.deleteRecursively(directory.resolve("root"));
  }
}
