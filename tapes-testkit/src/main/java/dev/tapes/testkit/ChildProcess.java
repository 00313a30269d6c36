package dev.tapes.testkit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts in a scratch directory of its own, its output in a log file there.
 * It is stopped by process id on {@link #close()}, and on JVM exit if a test forgets; closing
 * also deletes the directory.
 *
 * <pre>{@code
 * Path directory = Files.createTempDirectory("tapes-thing");
 * try (ChildProcess thing = ChildProcess.start(List.of("thing", "--port", "9"), directory,
 *     "thing.log", Duration.ofSeconds(10))) {
 *   Await.until(() -> ready(thing), deadline, thing::log);
 * }
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

  private final Process process;
  private final Path directory;
  private final Path log;
  private final Duration stopTimeout;
  private final Thread shutdownHook;
  private volatile boolean stopped;

  private ChildProcess(Process process, Path directory, Path log, Duration stopTimeout) {
    this.process = process;
    this.directory = directory;
    this.log = log;
    this.stopTimeout = stopTimeout;
    long pid = process.pid();
    this.shutdownHook = new Thread(() -> stop(pid, stopTimeout), "tapes-testkit-stop-" + pid);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command} in {@code directory}, standard output and error going to
   * {@code logName} there.
   *
   * @param stopTimeout how long {@link #close()} waits for a graceful exit before killing
   */
  public static ChildProcess start(List<String> command, Path directory, String logName,
      Duration stopTimeout) throws IOException {
    Path log = directory.resolve(logName);
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new ChildProcess(process, directory, log, stopTimeout);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only once the process has exited. */
  public int exitValue() {
    return process.exitValue();
  }

  /** The process's scratch directory. */
  public Path directory() {
    return directory;
  }

  /** What the process has written so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the process by its id, waits for it, deletes its directory. Idempotent. */
  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    stop(process.pid(), stopTimeout);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      LOG.log(Level.DEBUG, "the JVM is shutting down; its hook stops the process too");
    }
    try {
      Directories.deleteRecursively(directory);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete " + directory, e);
    }
  }

  /** SIGTERM, then SIGKILL if the process outlives {@code timeout}. */
  private static void stop(long pid, Duration timeout) {
    ProcessHandle.of(pid).ifPresent(handle -> {
      handle.destroy();
      try {
        handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.log(Level.DEBUG, "process " + pid + " ignored SIGTERM for " + timeout + ": killing it");
        handle.destroyForcibly();
      }
    });
  }
}
