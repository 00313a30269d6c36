package dev.tapes.it.distributed;

import dev.tapes.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started by a test, its output in a file, stopped by its process id. */
final class JavaProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path output;

  private JavaProcess(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  /** Runs {@code java ARGS} with its output in {@code directory/NAME.log}. */
  static JavaProcess start(String name, Path directory, List<String> args) throws IOException {
    Files.createDirectories(directory);
    Path output = directory.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1"); // starts faster on few cores
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    return new JavaProcess(name, process, output);
  }

  /** The rest of the first line of output that starts with {@code prefix}, once there is one. */
  String awaitLine(String prefix, Duration deadline) {
    String[] found = new String[1];
    Await.until(() -> {
      for (String line : output().split("\n")) {
        if (line.startsWith(prefix)) {
          found[0] = line.substring(prefix.length()).trim();
          return true;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + "):\n" + output());
      }
      return false;
    }, deadline, Duration.ofMillis(100), () -> name + " to print '" + prefix + "'; it printed:\n"
        + output());
    return found[0];
  }

  String output() {
    try {
      return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, and its exit code once it has exited (SIGKILL after 30 s). */
  int stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping " + name, e);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
