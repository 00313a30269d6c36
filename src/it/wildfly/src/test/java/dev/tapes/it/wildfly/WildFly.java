package dev.tapes.it.wildfly;

import dev.tapes.it.shop.DeploymentDirectory;
import dev.tapes.it.shop.WarServer;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.Directories;
import dev.tapes.testkit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The WildFly this module provisions ({@code target/server}), started by its own {@code
 * bin/standalone.sh} on free ports of 127.0.0.1, applications deployed and undeployed through the
 * deployment scanner.
 *
 * <p>The recipe: each server gets a copy of {@code standalone/} as its base directory ({@code
 * jboss.server.base.dir}: configuration, deployments, data), with the scanner polling every half
 * second instead of five and the default managed scheduled executor at {@value
 * #SCHEDULER_THREADS} core threads; {@code -b 127.0.0.1} binds the public interface to loopback
 * (the server has no management interface: the provisioned layers leave it out), and both socket
 * bindings get free ports. {@code LAUNCH_JBOSS_IN_BACKGROUND} and {@code JBOSS_PIDFILE} give the
 * server JVM's own PID, which is what SIGTERM goes to (a graceful shutdown; the script then exits
 * too). Deployments are judged by the scanner's marker files ({@code NAME.war.deployed} or {@code
 * .failed}, {@code .undeployed}) and then over HTTP.
 */
final class WildFly implements WarServer, AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final DeploymentDirectory.Markers SCANNER_MARKERS =
      new DeploymentDirectory.Markers(".deployed", ".failed", ".undeployed", ".failed");
  private static final String READY = "WFLYSRV0025";

  /**
   * The core threads of the default managed scheduled executor, fixed rather than WildFly's two
   * per processor: each of them keeps the application whose task started it (see
   * ShopOnWildFlyIT), so tests need to know how many there are.
   */
  static final int SCHEDULER_THREADS = 2;

  private final Process script;
  private final Path directory;
  private final DeploymentDirectory deployments;
  private final Path log;
  private final int port;
  private long pid;

  private WildFly(Process script, Path directory, int port) {
    this.script = script;
    this.directory = directory;
    this.deployments = new DeploymentDirectory(directory.resolve("standalone/deployments"),
        SCANNER_MARKERS, DEPLOY_TIMEOUT, this::await, this::log);
    this.log = directory.resolve("console.log");
    this.port = port;
  }

  /**
   * Starts WildFly with a fresh copy of its base directory in {@code directory} (emptied first)
   * and {@code systemProperties} ({@code -Dkey=value}: the applications read them), and waits
   * until it has booted.
   */
  static WildFly start(Path directory, List<String> systemProperties) throws IOException {
    Path home = Path.of(System.getProperty("wildfly.home"));
    if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
      throw new IllegalStateException("no WildFly at " + home + "; run the tests through Maven"
          + " (mvn verify), which provisions it");
    }
    Directories.deleteRecursively(directory);
    Path base = directory.resolve("standalone");
    copyRecursively(home.resolve("standalone"), base);
    Path configuration = base.resolve("configuration/standalone.xml");
    Files.writeString(configuration, Files.readString(configuration)
        .replace("scan-interval=\"5000\"", "scan-interval=\"500\"")
        .replace("<managed-scheduled-executor-service name=\"default\"",
            "<managed-scheduled-executor-service name=\"default\" core-threads=\""
                + SCHEDULER_THREADS + "\""));
    int port = FreePort.tcp();
    List<String> command = new ArrayList<>(List.of(
        home.resolve("bin/standalone.sh").toString(),
        "-Djboss.server.base.dir=" + base.toAbsolutePath(),
        "-b", "127.0.0.1",
        "-Djboss.http.port=" + port,
        "-Djboss.https.port=" + FreePort.tcp()));
    command.addAll(systemProperties);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(directory.resolve("console.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    builder.environment().put("JBOSS_PIDFILE", directory.resolve("wildfly.pid").toString());
    WildFly server = new WildFly(builder.start(), directory, port);
    try {
      server.await(START_TIMEOUT, "WildFly to boot", () -> server.log().contains(READY));
      server.pid = Long.parseLong(Files.readString(directory.resolve("wildfly.pid")).trim());
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The server JVM's process id (not the script's). */
  @Override
  public long pid() {
    return pid;
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

  /** What the server has written to its console so far (the provisioned server logs there). */
  @Override
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void await(Duration timeout, String what, BooleanSupplier done) {
    Await.until(() -> {
      if (!script.isAlive()) {
        throw new AssertionError("WildFly exited (" + script.exitValue() + ") while waiting for "
            + what + "; log:\n" + log());
      }
      return done.getAsBoolean();
    }, timeout, Duration.ofMillis(200), () -> what + "; log in " + log);
  }

  /**
   * Stops the server by its JVM's process id: SIGTERM (a graceful shutdown, which undeploys
   * what is left), SIGKILL if it is still there 30 s later; the script then exits by itself.
   * Keeps the log, deletes the rest of the base directory.
   */
  @Override
  public void close() throws IOException {
    Optional<ProcessHandle> server = pid == 0 ? Optional.empty() : ProcessHandle.of(pid);
    server.ifPresent(ProcessHandle::destroy);
    script.destroy(); // before the PID file existed, the script is all there is
    try {
      if (server.isPresent()) {
        try {
          server.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          server.get().destroyForcibly();
        }
      }
      if (!script.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        script.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.ifPresent(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for WildFly (" + pid + ") to exit", e);
    }
    Directories.deleteRecursively(directory.resolve("standalone"));
  }

  private static void copyRecursively(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
          throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir)));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        Files.copy(file, target.resolve(source.relativize(file)));
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
